import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Intent, Priority, Sentiment } from '../schema';

export const LabelledEmail = z.object({
  id: z.string().min(1),
  /** dev: measured while the rules were written; holdout: written after, never tuned on. */
  split: z.enum(['dev', 'holdout']),
  subject: z.string(),
  from: z.string().min(1),
  body: z.string().min(1),
  label: z.object({
    intent: Intent,
    priority: Priority,
    sentiment: Sentiment,
    closeAsThanks: z.boolean(),
  }),
});
export type LabelledEmail = z.infer<typeof LabelledEmail>;

const TriageEmails = z.object({ version: z.literal(1), emails: z.array(LabelledEmail).min(60) });

export function triageEmails(): LabelledEmail[] {
  const url = new URL('../../tests/fixtures/copilot/triage-emails.json', import.meta.url);
  return TriageEmails.parse(JSON.parse(readFileSync(url, 'utf8'))).emails;
}
