CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target" text,
	"summary" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "signed_out_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "audit_log_workspace_at" ON "audit_log" USING btree ("workspace_id","at","id");--> statement-breakpoint
CREATE INDEX "conversations_retention" ON "conversations" USING btree ("workspace_id","updated_at") WHERE "conversations"."status" = 'closed' or "conversations"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "events_workspace_at" ON "events" USING btree ("workspace_id","at") WHERE "events"."conversation_id" is null;