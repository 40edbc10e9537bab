ALTER TABLE "network_hours" ADD COLUMN "networks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "network_shares" ADD COLUMN "networks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "network_shares" ADD COLUMN "shared" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD COLUMN "shared" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "new_network" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "service_minute_rollups" ADD COLUMN "shared" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "subdivision_rollups" ADD COLUMN "shared" real DEFAULT 0 NOT NULL;