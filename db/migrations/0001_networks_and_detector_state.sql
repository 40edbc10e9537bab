CREATE TABLE "detector_state" (
	"service_id" integer PRIMARY KEY NOT NULL,
	"through_minute" bigint NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_sightings" (
	"service_id" integer NOT NULL,
	"network" varchar(32) NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"prev_seen" timestamp with time zone,
	CONSTRAINT "network_sightings_service_id_network_pk" PRIMARY KEY("service_id","network")
);
--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "networks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "service_minute_rollups" ADD COLUMN "networks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "detector_state" ADD CONSTRAINT "detector_state_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_sightings_time" ON "network_sightings" USING btree ("last_seen");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_one_open" ON "incidents" USING btree ("service_id") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "service_minute_rollups_bucket" ON "service_minute_rollups" USING btree ("bucket");