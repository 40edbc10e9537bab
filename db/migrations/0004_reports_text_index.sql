DROP INDEX "reports_service_time";--> statement-breakpoint
CREATE INDEX "reports_texts" ON "reports" USING btree ("service_id","created_at") WHERE text is not null;