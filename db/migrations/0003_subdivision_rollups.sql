CREATE TABLE "subdivision_rollups" (
	"service_id" integer NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"subdivision" varchar(6) NOT NULL,
	"reports" integer NOT NULL,
	"reporters" integer NOT NULL,
	CONSTRAINT "subdivision_rollups_service_id_bucket_subdivision_pk" PRIMARY KEY("service_id","bucket","subdivision")
);
--> statement-breakpoint
CREATE INDEX "subdivision_rollups_bucket" ON "subdivision_rollups" USING btree ("bucket");--> statement-breakpoint
CREATE INDEX "report_rollups_bucket" ON "report_rollups" USING btree ("bucket");