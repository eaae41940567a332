CREATE TABLE "presence_locks" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	CONSTRAINT "presence_locks_workspace_id_conversation_id_pk" PRIMARY KEY("workspace_id","conversation_id")
);
--> statement-breakpoint
ALTER TABLE "presence_locks" ADD CONSTRAINT "presence_locks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;