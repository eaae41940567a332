// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AutomationView } from '../../lib/features/thread-automation';
import { EscalationSection } from './EscalationSection';
import { IncidentBanner } from './IncidentBanner';
import type { Run } from './types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;
const run: Run = (action) => void action();
const view: AutomationView = {
  team: 'Billing',
  followers: ['Ana Silva'],
  canEscalate: true,
  incident: { id: 'i1', name: 'Login outage', templateId: 't1' },
};

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('the sidebar’s escalation', () => {
  it('shows the team and followers, and escalates only with a reason', async () => {
    const escalate = vi.fn(async () => null);
    await act(async () =>
      root.render(<EscalationSection view={view} escalate={escalate} run={run} />),
    );
    expect(byTestId('conversation-team')?.textContent).toBe('Billing');
    expect(byTestId('conversation-followers')?.textContent).toBe('Ana Silva');
    await act(async () => byTestId('escalate-button')?.click());
    const reason = byTestId('escalate-reason') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(reason);
    expect((byTestId('escalate-confirm') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(
        reason,
        '  Needs a refund approval ',
      );
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => byTestId('escalate-confirm')?.click());
    expect(escalate).toHaveBeenCalledWith('Needs a refund approval');
    expect(byTestId('escalate-form')).toBeNull();
  });

  it('offers no escalation to an agent on someone else’s conversation', async () => {
    const none = { ...view, team: null, followers: [], canEscalate: false };
    await act(async () =>
      root.render(<EscalationSection view={none} escalate={vi.fn()} run={run} />),
    );
    expect(container.textContent).toBe('');
  });

  it('shows a banner for an open incident and inserts its reply', async () => {
    const insertReply = vi.fn(async () => null);
    await act(async () =>
      root.render(<IncidentBanner incident={view.incident!} insertReply={insertReply} run={run} />),
    );
    expect(byTestId('incident-banner')?.textContent).toContain('Login outage');
    await act(async () => byTestId('incident-insert-reply')?.click());
    expect(insertReply).toHaveBeenCalledWith('t1');
  });
});
