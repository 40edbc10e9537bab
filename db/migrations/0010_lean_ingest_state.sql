-- The cooldown and network tables are written for nearly every report: keys as uuid (the 128-bit
-- keyed hash in 16 bytes) and no time indexes (pruning scans instead), see db/schema.ts.
DROP INDEX "network_sightings_time";--> statement-breakpoint
DROP INDEX "reporter_cooldowns_time";--> statement-breakpoint
ALTER TABLE "network_sightings" ALTER COLUMN "network" SET DATA TYPE uuid USING "network"::uuid;--> statement-breakpoint
ALTER TABLE "reporter_cooldowns" ALTER COLUMN "reporter" SET DATA TYPE uuid USING "reporter"::uuid;
