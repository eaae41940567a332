import type { z } from 'zod';
import { CreateIncidentMonitor, type IncidentMonitor } from '../../schema/automation';
import { type Checked, issuesOf, plainWords } from '../sla/issues';
import { listOf } from '../sla/policy-draft';

export type MonitorFields = z.infer<typeof CreateIncidentMonitor>;

/** The monitor editor's state: lists and numbers as typed, picks as ids ('' for none). */
export type MonitorDraft = {
  name: string;
  enabled: boolean;
  tags: string;
  keywords: string;
  threshold: string;
  windowMinutes: string;
  teamId: string;
  templateId: string;
  /** Empty: never escalate. */
  escalateAfterMinutes: string;
};

export const newMonitorDraft = (): MonitorDraft => ({
  name: '',
  enabled: true,
  tags: '',
  keywords: '',
  threshold: '5',
  windowMinutes: '30',
  teamId: '',
  templateId: '',
  escalateAfterMinutes: '',
});

export const monitorDraftOf = (m: IncidentMonitor): MonitorDraft => ({
  name: m.name,
  enabled: m.enabled,
  tags: m.tags.join(', '),
  keywords: m.keywords.join(', '),
  threshold: String(m.threshold),
  windowMinutes: String(m.windowMinutes),
  teamId: m.teamId ?? '',
  templateId: m.templateId ?? '',
  escalateAfterMinutes: m.escalateAfterMinutes === null ? '' : String(m.escalateAfterMinutes),
});

const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

const monitorWords: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.expected === 'number'
    ? 'A whole number'
    : plainWords(issue);

/** The draft checked with `CreateIncidentMonitor`, by the body's paths (`keywords.1`). */
export function checkMonitor(draft: MonitorDraft): Checked<MonitorFields> {
  const parsed = CreateIncidentMonitor.safeParse(
    {
      name: draft.name,
      enabled: draft.enabled,
      tags: listOf(draft.tags),
      keywords: listOf(draft.keywords),
      threshold: numberOf(draft.threshold),
      windowMinutes: numberOf(draft.windowMinutes),
      teamId: draft.teamId || null,
      templateId: draft.templateId || null,
      escalateAfterMinutes:
        draft.escalateAfterMinutes.trim() === '' ? null : numberOf(draft.escalateAfterMinutes),
    },
    { error: monitorWords },
  );
  if (parsed.success) return { value: parsed.data, issues: new Map() };
  return { value: null, issues: issuesOf(parsed.error) };
}

/** "5 in 30 min, tags outage, keywords down" for the monitors list. */
export function monitorText(m: IncidentMonitor): string {
  const what = [
    m.tags.length > 0 ? `tags ${m.tags.join(', ')}` : '',
    m.keywords.length > 0 ? `subject ${m.keywords.join(', ')}` : '',
  ].filter(Boolean);
  return `${m.threshold} in ${m.windowMinutes} min matching ${what.join(' or ')}`;
}
