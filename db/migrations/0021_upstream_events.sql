CREATE TABLE "upstream_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"upstream" varchar(64) NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"members" jsonb NOT NULL,
	"official" jsonb,
	"crowd_incident_id" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "upstream_events_one_open" ON "upstream_events" USING btree ("upstream") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "upstream_events_start" ON "upstream_events" USING btree ("started_at");