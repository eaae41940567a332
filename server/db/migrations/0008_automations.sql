CREATE TABLE "automation_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"fired" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_monitors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean NOT NULL,
	"tags" jsonb NOT NULL,
	"keywords" jsonb NOT NULL,
	"threshold" integer NOT NULL,
	"window_minutes" integer NOT NULL,
	"team_id" uuid,
	"template_id" uuid,
	"escalate_after_minutes" integer,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"monitor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"conversation_ids" jsonb NOT NULL,
	"team_id" uuid,
	"template_id" uuid
);
--> statement-breakpoint
CREATE TABLE "presence" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"state" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "presence_workspace_id_conversation_id_member_id_pk" PRIMARY KEY("workspace_id","conversation_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean NOT NULL,
	"position" integer NOT NULL,
	"trigger_type" text NOT NULL,
	"trigger" jsonb NOT NULL,
	"conditions" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"stop_processing" boolean NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "followers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "sla_policy_id" uuid;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "skills" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "calendar_id" uuid;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "routing" jsonb DEFAULT '{"mode":"manual","deadlineAware":false,"useSkills":false,"escalatesTo":null}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "last_assigned_id" uuid;--> statement-breakpoint
ALTER TABLE "automation_jobs" ADD CONSTRAINT "automation_jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_monitors" ADD CONSTRAINT "incident_monitors_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_monitor_id_incident_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."incident_monitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presence" ADD CONSTRAINT "presence_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rules" ADD CONSTRAINT "rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "automation_jobs_due" ON "automation_jobs" USING btree ("run_at");--> statement-breakpoint
CREATE INDEX "automation_jobs_workspace" ON "automation_jobs" USING btree ("workspace_id","run_at");--> statement-breakpoint
CREATE INDEX "incident_monitors_workspace" ON "incident_monitors" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_open_monitor" ON "incidents" USING btree ("monitor_id") WHERE "incidents"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "incidents_workspace" ON "incidents" USING btree ("workspace_id","opened_at");--> statement-breakpoint
CREATE INDEX "presence_expiry" ON "presence" USING btree ("workspace_id","expires_at");--> statement-breakpoint
CREATE INDEX "rules_workspace_trigger" ON "rules" USING btree ("workspace_id","trigger_type");