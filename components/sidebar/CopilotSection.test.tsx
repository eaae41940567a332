// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AskCopilot } from '../../lib/features/copilot-session';
import type { CopilotEvent, ThreadText } from '../../lib/schema';
import { conversation } from '../../lib/testing/records';
import { CopilotSection } from './CopilotSection';
import type { CopilotPorts, CopilotRecord } from './copilot-types';
import { AUTO_TRIAGE_DELAY_MS } from './use-copilot-triage';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const thread: ThreadText = {
  subject: 'Order #1042 arrived damaged',
  messages: [
    { from: 'Maria Lopez <maria@customer.test>', sentAt: null, text: '' },
    { from: 'Maria Lopez <maria@customer.test>', sentAt: null, text: 'The lamp is cracked.' },
  ],
};
const TEMPLATE = '00000000-0000-4000-8000-00000000aaaa';

/** A worker that answers a draft in two pieces, or hangs until stopped. */
function fakePorts(key: string, mode: 'answer' | 'hang' = 'answer') {
  const records: CopilotRecord[] = [];
  const inserted: string[] = [];
  const reads = vi.fn(async () => thread);
  const ask: AskCopilot = async (request, { onEvent, signal }) => {
    const send = (e: CopilotEvent) => onEvent(e);
    send({ type: 'prompt', provider: 'offline', model: null, messages: null });
    if (request.task === 'triage') {
      send({
        type: 'triage',
        suggestion: {
          intent: { value: 'shipping', reason: 'a parcel arrived damaged' },
          priority: { value: 'high', reason: 'the customer waits for a replacement' },
          sentiment: { value: 'negative', reason: '“cracked”' },
          tag: { name: 'shipping', reason: 'the workspace’s tag for shipping' },
          template: null,
          team: null,
          close: null,
        },
      });
      return send({ type: 'done' });
    }
    send({
      type: 'sources',
      sources: [{ kind: 'template', id: TEMPLATE, title: 'Damaged order', reason: 'damaged' }],
    });
    send({ type: 'text', delta: 'Hi Maria,' });
    if (mode === 'hang') {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      return onEvent({ type: 'error', code: 'cancelled', message: 'Stopped.' });
    }
    send({ type: 'text', delta: ' we are sorry.' });
    send({ type: 'done' });
  };
  const ports: CopilotPorts = {
    threadKey: key,
    readText: reads,
    ask,
    insert: async (text) => {
      inserted.push(text);
      return null;
    },
    record: async (args) => {
      records.push(args);
      return null;
    },
  };
  return { ports, records, inserted, reads };
}

const actions = {
  addTag: vi.fn(async () => null),
  setPriority: vi.fn(async () => null),
  setStatus: vi.fn(async () => null),
};

let root: ReturnType<typeof createRoot> | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

async function render(ports: CopilotPorts, c = conversation('c1', { tags: ['x'] })) {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root?.render(<CopilotSection ports={ports} conversation={c} actions={actions} />),
  );
  const byId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const click = (id: string) => act(async () => byId(id)?.click());
  return { container, byId, click };
}

const typeInto = (textarea: HTMLTextAreaElement, value: string) =>
  act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setter?.call(textarea, value);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('the copilot section', () => {
  it('reads the thread only when asked, streams a draft with its sources, and records the edit on insert', async () => {
    const { ports, records, inserted, reads } = fakePorts('t1');
    const ui = await render(ports);
    expect(reads).not.toHaveBeenCalled();
    await ui.click('copilot-draft-button');
    expect(reads).toHaveBeenCalledTimes(1);
    const text = ui.byId('copilot-text') as HTMLTextAreaElement;
    expect(text.value).toBe('Hi Maria, we are sorry.');
    expect(ui.byId('copilot-sources')?.textContent).toContain('Damaged order');
    expect(ui.byId('copilot-prompt')?.textContent).toContain('Offline: nothing left this browser.');
    expect(ui.byId('copilot-unread')?.textContent).toContain('1 message is collapsed');
    await typeInto(text, 'Hi Maria, we are very sorry.');
    await ui.click('copilot-insert');
    expect(inserted).toEqual(['Hi Maria, we are very sorry.']);
    expect(records).toEqual([
      {
        conversationId: 'c1',
        task: 'draft',
        provider: 'offline',
        model: null,
        sources: [{ kind: 'template', id: TEMPLATE }],
        outcome: 'edited',
      },
    ]);
    expect(ui.byId('copilot-status')?.textContent).toMatch(/Nothing was sent/);
  });

  it('keeps the typed text when stopped, offers Retry, and records a discard', async () => {
    const { ports, records } = fakePorts('t2', 'hang');
    const ui = await render(ports);
    await ui.click('copilot-draft-button');
    const text = ui.byId('copilot-text') as HTMLTextAreaElement;
    await typeInto(text, 'Hi Maria, my own words.');
    await ui.click('copilot-stop');
    expect(ui.byId('copilot-error')?.textContent).toBe('Stopped. Your text is kept.');
    expect((ui.byId('copilot-text') as HTMLTextAreaElement).value).toBe('Hi Maria, my own words.');
    expect(ui.byId('copilot-retry')).not.toBeNull();
    await ui.click('copilot-discard');
    expect(records.map((r) => r.outcome)).toEqual(['discarded']);
    expect(ui.byId('copilot-draft')).toBeNull();
  });

  it('keeps the draft when the thread is closed and opened again', async () => {
    const { ports } = fakePorts('t3');
    const ui = await render(ports);
    await ui.click('copilot-draft-button');
    await typeInto(ui.byId('copilot-text') as HTMLTextAreaElement, 'Kept across reopening.');
    act(() => root?.unmount());
    const again = await render(ports);
    expect((again.byId('copilot-text') as HTMLTextAreaElement).value).toBe(
      'Kept across reopening.',
    );
  });

  it('suggests triage for a new conversation unasked, offline only, and applies it in one click', async () => {
    const { ports, records } = fakePorts('t4');
    const asked: boolean[] = [];
    const ask: AskCopilot = (request, options) => {
      asked.push(request.offlineOnly);
      return ports.ask(request, options);
    };
    const ui = await render({ ...ports, ask }, conversation('c-new'));
    expect(asked).toEqual([]);
    // Asked once the sidebar has drawn the team state.
    await act(() => new Promise((resolve) => setTimeout(resolve, AUTO_TRIAGE_DELAY_MS + 50)));
    expect(asked).toEqual([true]);
    const lines = [...ui.container.querySelectorAll('[data-testid="triage-line"]')];
    expect(lines.map((l) => l.getAttribute('data-label'))).toEqual([
      'Topic',
      'Tag',
      'Priority',
      'Sentiment',
    ]);
    expect(lines[1]?.textContent).toContain('the workspace’s tag for shipping');
    await ui.click('triage-apply');
    expect(actions.addTag).toHaveBeenCalledWith('shipping');
    expect(actions.setPriority).toHaveBeenCalledWith('high');
    expect(actions.setStatus).not.toHaveBeenCalled();
    expect(records).toEqual([
      expect.objectContaining({ task: 'triage', outcome: 'applied', sources: [] }),
    ]);
    expect(ui.byId('copilot-triage-status')?.textContent).toBe('Triage applied.');
  });
});
