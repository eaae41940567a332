import { type FormEvent, useId, useState } from 'react';
import {
  type CopilotDraft,
  copilotPatch,
  copilotProblems,
  draftOf,
  whereThreadsGo,
} from '../../../lib/options/copilot/copilot';
import { issueAt } from '../../../lib/options/problems';
import type { CopilotSettings } from '../../../lib/schema';
import { Problem } from '../common/Problem';
import { ApiKeyField } from './ApiKeyField';
import { useSaveCopilotSettings } from './use-copilot-settings';

/** The admin's form: provider, endpoint, model, key, redaction and the workspace's switch. */
export function CopilotForm({ settings }: { settings: CopilotSettings }) {
  const [draft, setDraft] = useState<CopilotDraft>(() => draftOf(settings));
  const [saved, setSaved] = useState(false);
  const save = useSaveCopilotSettings();
  const ids = { url: useId(), urlError: useId(), model: useId(), modelError: useId() };
  const set = (patch: Partial<CopilotDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const local = copilotProblems(draft);
  const problem = (field: 'baseUrl' | 'model' | 'apiKey') =>
    local[field] ?? issueAt(save.error, field);
  const patch = copilotPatch(settings, draft);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!patch || Object.keys(local).length > 0) return;
    save.mutate(patch, {
      onSuccess: () => {
        setSaved(true);
        setDraft((d) => ({ ...d, key: { action: 'keep' } }));
      },
    });
  };
  const external = draft.provider === 'openai-compatible';
  const urlProblem = problem('baseUrl');
  const modelProblem = problem('model');
  return (
    <form onSubmit={submit} data-testid="copilot-form" noValidate>
      <fieldset>
        <legend>Provider</legend>
        <label className="check">
          <input
            type="radio"
            name="copilot-provider"
            checked={draft.provider === 'offline'}
            onChange={() => set({ provider: 'offline' })}
            data-testid="copilot-provider-offline"
          />
          Offline (built in: no model, nothing leaves the browser)
        </label>
        <label className="check">
          <input
            type="radio"
            name="copilot-provider"
            checked={external}
            onChange={() => set({ provider: 'openai-compatible' })}
            data-testid="copilot-provider-openai"
          />
          OpenAI-compatible (OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio…)
        </label>
      </fieldset>
      <label htmlFor={ids.url}>Base URL</label>
      <input
        id={ids.url}
        type="url"
        value={draft.baseUrl}
        placeholder="https://api.openai.com/v1"
        onChange={(e) => set({ baseUrl: e.target.value })}
        aria-invalid={Boolean(urlProblem)}
        aria-describedby={urlProblem ? ids.urlError : undefined}
        data-testid="copilot-base-url"
      />
      {urlProblem && (
        <p className="error" id={ids.urlError}>
          {urlProblem}
        </p>
      )}
      <label htmlFor={ids.model}>Model</label>
      <input
        id={ids.model}
        value={draft.model}
        placeholder="gpt-4o-mini"
        maxLength={200}
        onChange={(e) => set({ model: e.target.value })}
        aria-invalid={Boolean(modelProblem)}
        aria-describedby={modelProblem ? ids.modelError : undefined}
        data-testid="copilot-model"
      />
      {modelProblem && (
        <p className="error" id={ids.modelError}>
          {modelProblem}
        </p>
      )}
      <ApiKeyField
        keySet={settings.keySet}
        value={draft.key}
        onChange={(key) => set({ key })}
        problem={problem('apiKey')}
      />
      <fieldset>
        <legend>Privacy</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={draft.redactPii}
            onChange={(e) => set({ redactPii: e.target.checked })}
            data-testid="copilot-redact"
          />
          Redact personal data before sending (names, addresses, phone and card numbers)
        </label>
        <label className="check">
          <input
            type="checkbox"
            role="switch"
            aria-checked={draft.externalAllowed}
            checked={draft.externalAllowed}
            onChange={(e) => set({ externalAllowed: e.target.checked })}
            data-testid="copilot-external"
          />
          Allow external providers in this workspace
        </label>
      </fieldset>
      <p className="muted" data-testid="copilot-where">
        {whereThreadsGo({
          provider: draft.provider,
          externalAllowed: draft.externalAllowed,
          model: draft.model.trim() || null,
          baseUrl: draft.baseUrl.trim() || null,
        })}
      </p>
      <Problem error={save.error} />
      <button type="submit" disabled={!patch || save.isPending} data-testid="copilot-save">
        {save.isPending ? 'Saving…' : 'Save copilot settings'}
      </button>
      <p className="muted" role="status">
        {saved && !patch && 'Saved.'}
      </p>
    </form>
  );
}
