-- Written by hand. The default partition goes: Postgres refuses DETACH PARTITION … CONCURRENTLY
-- while one exists, and retiring a day must not make inserts wait. A report for a day without a
-- partition now makes ingest create that day's (lib/reports/partitions.ts). Rows the default held
-- move into partitions of their own days.
ALTER TABLE "reports" DETACH PARTITION "reports_default";--> statement-breakpoint
DO $$
DECLARE
  d date;
BEGIN
  FOR d IN SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date FROM "reports_default" LOOP
    IF to_regclass('reports_p' || to_char(d, 'YYYYMMDD')) IS NULL THEN
      EXECUTE format('CREATE TABLE %I (LIKE "reports" INCLUDING DEFAULTS)', 'reports_p' || to_char(d, 'YYYYMMDD'));
      EXECUTE format(
        'ALTER TABLE "reports" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
        'reports_p' || to_char(d, 'YYYYMMDD'),
        d::text || ' 00:00:00+00',
        (d + 1)::text || ' 00:00:00+00'
      );
    END IF;
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "reports" SELECT * FROM "reports_default";--> statement-breakpoint
DROP TABLE "reports_default";
