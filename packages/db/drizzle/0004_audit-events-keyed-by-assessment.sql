DROP INDEX "audit_events_assessment";--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_pkey";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "assessment_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_assessment_id_id_pk" PRIMARY KEY("assessment_id","id");
