CREATE TABLE "isp_incidents" (
	"id" serial PRIMARY KEY NOT NULL,
	"asn" bigint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"service_ids" jsonb NOT NULL,
	"peak_reporters" integer NOT NULL,
	"expected" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_hours" (
	"hour" timestamp with time zone NOT NULL,
	"asn" bigint NOT NULL,
	"reporters" integer NOT NULL,
	CONSTRAINT "network_hours_hour_asn_pk" PRIMARY KEY("hour","asn")
);
--> statement-breakpoint
CREATE TABLE "network_shares" (
	"asn" bigint PRIMARY KEY NOT NULL,
	"reporters" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"asn" bigint PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "isp_incidents_one_open" ON "isp_incidents" USING btree ("asn") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "isp_incidents_start" ON "isp_incidents" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "network_hours_asn" ON "network_hours" USING btree ("asn","hour");