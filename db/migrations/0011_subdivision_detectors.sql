ALTER TABLE "regional_detector_state" ALTER COLUMN "country" SET DATA TYPE varchar(6);--> statement-breakpoint
ALTER TABLE "subdivision_rollups" ADD COLUMN "networks" integer DEFAULT 0 NOT NULL;