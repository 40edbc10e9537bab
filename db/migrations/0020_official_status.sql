CREATE TABLE "official_incidents" (
	"id" serial PRIMARY KEY NOT NULL,
	"service_id" integer NOT NULL,
	"external_id" text NOT NULL,
	"title" text NOT NULL,
	"impact" varchar(16) NOT NULL,
	"url" text,
	"started_at" timestamp with time zone NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "official_sources" (
	"service_id" integer PRIMARY KEY NOT NULL,
	"platform" varchar(16) NOT NULL,
	"feed_url" text NOT NULL,
	"host" text NOT NULL,
	"validators" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"next_poll_at" timestamp with time zone DEFAULT now() NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"checked_at" timestamp with time zone,
	"status" varchar(16),
	"description" text,
	"components" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "official_incidents" ADD CONSTRAINT "official_incidents_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_sources" ADD CONSTRAINT "official_sources_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "official_incidents_external" ON "official_incidents" USING btree ("service_id","external_id");--> statement-breakpoint
CREATE INDEX "official_incidents_service_posted" ON "official_incidents" USING btree ("service_id","posted_at");--> statement-breakpoint
CREATE INDEX "official_sources_due" ON "official_sources" USING btree ("next_poll_at");