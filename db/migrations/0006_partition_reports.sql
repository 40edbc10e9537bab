-- Raw reports become range-partitioned by UTC day (drizzle-kit cannot express partitioning, so this
-- migration is written by hand). Existing rows move into daily partitions; a default partition
-- takes any row whose day has no partition yet, so no report is ever refused. Partitions ahead of
-- time and retention: lib/reports/partitions.ts.
ALTER TABLE "reports" RENAME TO "reports_unpartitioned";--> statement-breakpoint
ALTER TABLE "reports_unpartitioned" RENAME CONSTRAINT "reports_created_at_id_pk" TO "reports_unpartitioned_pk";--> statement-breakpoint
ALTER TABLE "reports_unpartitioned" RENAME CONSTRAINT "reports_service_id_services_id_fk" TO "reports_unpartitioned_service_fk";--> statement-breakpoint
ALTER INDEX "reports_texts" RENAME TO "reports_unpartitioned_texts";--> statement-breakpoint
CREATE SEQUENCE "reports_id_seq_next";--> statement-breakpoint
SELECT setval('reports_id_seq_next', coalesce((SELECT max(id) FROM "reports_unpartitioned"), 0) + 1, false);--> statement-breakpoint
CREATE TABLE "reports" (
	"id" bigint DEFAULT nextval('reports_id_seq_next') NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"service_id" integer NOT NULL,
	"symptom" varchar(64) NOT NULL,
	"country" varchar(2) NOT NULL,
	"subdivision" varchar(6),
	"text" varchar(280),
	"reporter" varchar(32) NOT NULL,
	"network" varchar(32) NOT NULL,
	"counted" boolean NOT NULL,
	CONSTRAINT "reports_created_at_id_pk" PRIMARY KEY("created_at","id")
) PARTITION BY RANGE ("created_at");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_texts" ON "reports" USING btree ("service_id","created_at") WHERE text is not null;--> statement-breakpoint
CREATE TABLE "reports_default" PARTITION OF "reports" DEFAULT;--> statement-breakpoint
DO $$
DECLARE d date;
BEGIN
	FOR d IN
		SELECT generate_series(
			coalesce((SELECT min(created_at) AT TIME ZONE 'UTC' FROM "reports_unpartitioned")::date, (now() AT TIME ZONE 'UTC')::date),
			(now() AT TIME ZONE 'UTC')::date + 2,
			interval '1 day')::date
	LOOP
		EXECUTE format('CREATE TABLE %I PARTITION OF "reports" FOR VALUES FROM (%L) TO (%L)',
			'reports_p' || to_char(d, 'YYYYMMDD'), d::timestamp AT TIME ZONE 'UTC', (d + 1)::timestamp AT TIME ZONE 'UTC');
	END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "reports" SELECT "id", "created_at", "service_id", "symptom", "country", "subdivision", "text", "reporter", "network", "counted" FROM "reports_unpartitioned";--> statement-breakpoint
DROP TABLE "reports_unpartitioned";--> statement-breakpoint
ALTER SEQUENCE "reports_id_seq_next" RENAME TO "reports_id_seq";
