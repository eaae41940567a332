ALTER TABLE "workspaces" ALTER COLUMN "copilot" SET DEFAULT '{"provider":"offline","baseUrl":null,"model":null,"redactPii":true,"externalAllowed":true}'::jsonb;--> statement-breakpoint
UPDATE "workspaces" SET "copilot" = DEFAULT WHERE "copilot" IS NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ALTER COLUMN "copilot" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "copilot_api_key" text;
