CREATE TABLE "sla_alerts" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	"target" text NOT NULL,
	"clock" integer NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "sla_alerts_workspace_id_conversation_id_target_clock_kind_pk" PRIMARY KEY("workspace_id","conversation_id","target","clock","kind")
);
--> statement-breakpoint
CREATE TABLE "sla_calendars" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"always_open" boolean NOT NULL,
	"weekly" jsonb NOT NULL,
	"holidays" jsonb NOT NULL,
	"holiday_country" jsonb,
	"updated_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"conditions" jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	"clock" text NOT NULL,
	"pause_when" jsonb NOT NULL,
	"warning" jsonb,
	"calendar_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sla_webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "sla" jsonb;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "last_message_from" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "sla_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "sla_webhook" jsonb;--> statement-breakpoint
ALTER TABLE "sla_alerts" ADD CONSTRAINT "sla_alerts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_calendars" ADD CONSTRAINT "sla_calendars_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_calendar_id_sla_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."sla_calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_webhook_deliveries" ADD CONSTRAINT "sla_webhook_deliveries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_calendars_workspace_version" ON "sla_calendars" USING btree ("workspace_id","version");--> statement-breakpoint
CREATE INDEX "sla_policies_workspace_version" ON "sla_policies" USING btree ("workspace_id","version");--> statement-breakpoint
CREATE INDEX "sla_webhook_deliveries_due" ON "sla_webhook_deliveries" USING btree ("next_attempt_at") WHERE "sla_webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "conversations_sla_check" ON "conversations" USING btree ("sla_check_at") WHERE "conversations"."sla_check_at" is not null;--> statement-breakpoint
CREATE INDEX "conversations_workspace_sla_check" ON "conversations" USING btree ("workspace_id","sla_check_at") WHERE "conversations"."sla_check_at" is not null;