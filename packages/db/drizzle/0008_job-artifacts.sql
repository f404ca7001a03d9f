ALTER TABLE "jobs" ADD COLUMN "artifact" "bytea";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "artifact_type" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "artifact_name" text;