ALTER TABLE "network_sightings" ADD COLUMN "window_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network_sightings" ADD COLUMN "window_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "flag" varchar(16);