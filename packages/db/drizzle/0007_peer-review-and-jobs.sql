CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"result" jsonb,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "peer_review_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"service_a" uuid NOT NULL,
	"service_b" uuid NOT NULL,
	"area" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_pairs" ADD CONSTRAINT "peer_review_pairs_round_id_peer_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."peer_review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_pairs" ADD CONSTRAINT "peer_review_pairs_service_a_services_id_fk" FOREIGN KEY ("service_a") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_pairs" ADD CONSTRAINT "peer_review_pairs_service_b_services_id_fk" FOREIGN KEY ("service_b") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_rounds" ADD CONSTRAINT "peer_review_rounds_cycle_cycles_label_fk" FOREIGN KEY ("cycle") REFERENCES "public"."cycles"("label") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_review_rounds" ADD CONSTRAINT "peer_review_rounds_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_status_created" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "peer_review_pairs_unique" ON "peer_review_pairs" USING btree ("round_id","service_a","service_b");--> statement-breakpoint
CREATE INDEX "peer_review_pairs_service_a" ON "peer_review_pairs" USING btree ("service_a");--> statement-breakpoint
CREATE INDEX "peer_review_pairs_service_b" ON "peer_review_pairs" USING btree ("service_b");--> statement-breakpoint
CREATE INDEX "peer_review_rounds_cycle" ON "peer_review_rounds" USING btree ("cycle");