DROP INDEX "report_samples_arrival";--> statement-breakpoint
DROP INDEX "report_samples_at";--> statement-breakpoint
CREATE INDEX "report_samples_span_end" ON "report_samples" USING btree ("workspace_id","end_at","at") WHERE "report_samples"."metric" = 'openSpan';--> statement-breakpoint
CREATE INDEX "report_samples_open" ON "report_samples" USING btree ("workspace_id","agent_id","arrival_at") WHERE "report_samples"."metric" = 'current' and "report_samples"."value" <> 'closed';--> statement-breakpoint
CREATE INDEX "report_samples_arrival" ON "report_samples" USING btree ("workspace_id","metric","arrival_at","calendar_ms","business_ms","value") WHERE "report_samples"."metric" not in ('openSpan', 'close', 'assignment', 'current');--> statement-breakpoint
CREATE INDEX "report_samples_at" ON "report_samples" USING btree ("workspace_id","metric","at","agent_id") WHERE "report_samples"."metric" in ('close', 'assignment');