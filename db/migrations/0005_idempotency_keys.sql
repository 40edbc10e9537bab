CREATE TABLE "idempotency_keys" (
	"key" varchar(32) PRIMARY KEY NOT NULL,
	"report_id" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "idempotency_keys_time" ON "idempotency_keys" USING btree ("created_at");