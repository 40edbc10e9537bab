ALTER TABLE "reports" DROP CONSTRAINT "reports_service_id_services_id_fk";
