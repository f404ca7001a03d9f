ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_service_id_services_id_fk";
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_assessment_id_assessments_id_fk";
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_actor_id_accounts_id_fk";
--> statement-breakpoint
DROP INDEX "audit_events_service";