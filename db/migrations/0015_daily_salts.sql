CREATE TABLE "daily_salts" (
	"day" integer PRIMARY KEY NOT NULL,
	"salt" varchar(64) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reports" DROP COLUMN "reporter";--> statement-breakpoint
ALTER TABLE "reports" DROP COLUMN "network";--> statement-breakpoint
-- The generated reporter secret now lives outside the database (SECRETS_DIR or REPORTER_SECRET).
DELETE FROM "settings" WHERE "key" = 'reporter_secret';