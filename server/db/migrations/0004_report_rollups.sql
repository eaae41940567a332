CREATE TABLE "report_rollup_state" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"setup" text NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollups" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	"valid_until" timestamp with time zone,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_rollups_workspace_id_conversation_id_pk" PRIMARY KEY("workspace_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "report_samples" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	"metric" text NOT NULL,
	"seq" integer NOT NULL,
	"arrival_at" timestamp with time zone NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone,
	"calendar_ms" bigint,
	"business_ms" bigint,
	"value" text,
	"agent_id" uuid,
	"event_ids" jsonb NOT NULL,
	CONSTRAINT "report_samples_workspace_id_conversation_id_metric_seq_pk" PRIMARY KEY("workspace_id","conversation_id","metric","seq")
);
--> statement-breakpoint
ALTER TABLE "report_rollup_state" ADD CONSTRAINT "report_rollup_state_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD CONSTRAINT "report_rollups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_samples" ADD CONSTRAINT "report_samples_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_rollups_valid_until" ON "report_rollups" USING btree ("workspace_id","valid_until") WHERE "report_rollups"."valid_until" is not null;--> statement-breakpoint
CREATE INDEX "report_samples_arrival" ON "report_samples" USING btree ("workspace_id","metric","arrival_at");--> statement-breakpoint
CREATE INDEX "report_samples_at" ON "report_samples" USING btree ("workspace_id","metric","at");