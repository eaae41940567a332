import type { CopilotProviderKind, CopilotSettings, UpdateCopilotSettings } from '../../schema';

/** The form as typed: text fields as strings, the key only when the admin enters one. */
export interface CopilotDraft {
  provider: CopilotProviderKind;
  baseUrl: string;
  model: string;
  redactPii: boolean;
  externalAllowed: boolean;
  /** What to do with the stored key: keep it, replace it with `apiKey`, or clear it. */
  key: { action: 'keep' } | { action: 'replace'; apiKey: string } | { action: 'clear' };
}

export const draftOf = (s: CopilotSettings): CopilotDraft => ({
  provider: s.provider,
  baseUrl: s.baseUrl ?? '',
  model: s.model ?? '',
  redactPii: s.redactPii,
  externalAllowed: s.externalAllowed,
  key: { action: 'keep' },
});

export type CopilotField = 'baseUrl' | 'model' | 'apiKey';

/** What is wrong with the form, per field, before anything is sent (the API checks again). */
export function copilotProblems(d: CopilotDraft): Partial<Record<CopilotField, string>> {
  const problems: Partial<Record<CopilotField, string>> = {};
  const url = d.baseUrl.trim();
  if (url) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) {
      problems.baseUrl = 'A URL starting with https:// (or http:// for a server on this network)';
    }
  }
  if (d.provider === 'openai-compatible') {
    if (!url)
      problems.baseUrl =
        'The OpenAI-compatible provider needs its base URL, e.g. https://api.openai.com/v1';
    if (!d.model.trim()) problems.model = 'Name the model, e.g. gpt-4o-mini';
  }
  if (d.model.trim().length > 200) problems.model = 'At most 200 characters';
  if (d.key.action === 'replace') {
    const key = d.key.apiKey.trim();
    if (!key) problems.apiKey = 'Paste the new key, or cancel replacing it';
    else if (key.length > 4000) problems.apiKey = 'At most 4000 characters';
  }
  return problems;
}

/** Only what changed, for `PATCH /v1/copilot/settings`; null when nothing did. */
export function copilotPatch(
  before: CopilotSettings,
  d: CopilotDraft,
): UpdateCopilotSettings | null {
  const patch: UpdateCopilotSettings = {};
  const baseUrl = d.baseUrl.trim() || null;
  const model = d.model.trim() || null;
  if (d.provider !== before.provider) patch.provider = d.provider;
  if (baseUrl !== before.baseUrl) patch.baseUrl = baseUrl;
  if (model !== before.model) patch.model = model;
  if (d.redactPii !== before.redactPii) patch.redactPii = d.redactPii;
  if (d.externalAllowed !== before.externalAllowed) patch.externalAllowed = d.externalAllowed;
  if (d.key.action === 'replace') patch.apiKey = d.key.apiKey.trim();
  if (d.key.action === 'clear' && before.keySet) patch.apiKey = null;
  return Object.keys(patch).length ? patch : null;
}

/** One line on where threads go, for the form and the read-only view. */
export function whereThreadsGo(
  s: Pick<CopilotSettings, 'provider' | 'externalAllowed' | 'model' | 'baseUrl'>,
): string {
  if (s.provider === 'offline') {
    return 'Offline: drafts, summaries and triage are made in each agent’s browser, and no thread leaves it.';
  }
  if (!s.externalAllowed) {
    return 'External providers are not allowed in this workspace, so the offline copilot answers and no thread leaves the browser.';
  }
  const host = s.baseUrl ? safeHost(s.baseUrl) : 'the provider';
  return `When an agent asks, the thread is sent to ${s.model ?? 'the model'} at ${host}.`;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
