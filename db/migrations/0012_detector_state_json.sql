ALTER TABLE "detector_state" ALTER COLUMN "state" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "regional_detector_state" ALTER COLUMN "state" SET DATA TYPE json;