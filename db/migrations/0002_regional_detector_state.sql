CREATE TABLE "regional_detector_state" (
	"service_id" integer NOT NULL,
	"country" varchar(2) NOT NULL,
	"through_minute" bigint NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regional_detector_state_service_id_country_pk" PRIMARY KEY("service_id","country")
);
--> statement-breakpoint
ALTER TABLE "regional_detector_state" ADD CONSTRAINT "regional_detector_state_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;