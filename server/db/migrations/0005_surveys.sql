CREATE TABLE "survey_keys" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	"created_by" uuid NOT NULL,
	"kind" text NOT NULL,
	"scale" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"score" integer,
	"rated_at" timestamp with time zone,
	"comment" text,
	"commented_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "survey_keys" ADD CONSTRAINT "survey_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "surveys_workspace_conversation" ON "surveys" USING btree ("workspace_id","conversation_id");