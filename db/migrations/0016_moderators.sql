ALTER TYPE "public"."incident_event_kind" ADD VALUE 'split';--> statement-breakpoint
CREATE TABLE "admin_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"hash" varchar(64) NOT NULL,
	"previous_hash" varchar(64),
	"previous_valid_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "admin_audit" ADD COLUMN "actor" text;--> statement-breakpoint
ALTER TABLE "admin_audit" ADD COLUMN "source" text;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_tokens_hash" ON "admin_tokens" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "admin_tokens_previous_hash" ON "admin_tokens" USING btree ("previous_hash");