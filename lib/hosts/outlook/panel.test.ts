// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://outlook.office.com/mail/"}
import { afterEach, describe, expect, it } from 'vitest';
import { loadOutlookPage } from '../../testing/outlook-page';
import { createDock } from './panel';
import { DEFAULT_PANEL, PanelState, type PanelStore } from './panel-state';

let stop = new AbortController();
afterEach(() => stop.abort());

function memoryStore(initial: PanelState = DEFAULT_PANEL) {
  const saved: PanelState[] = [];
  const store: PanelStore = {
    load: async () => initial,
    save: async (state) => {
      saved.push(state);
    },
  };
  return { store, saved };
}

async function dock(initial?: PanelState) {
  loadOutlookPage('list-2026-11.html');
  stop = new AbortController();
  const { store, saved } = memoryStore(initial);
  const made = await createDock(document, store, stop.signal);
  const inside = (selector: string) => made.host.shadowRoot?.querySelector<HTMLElement>(selector);
  return { dock: made, saved, inside };
}

const space = () => document.getElementById('sidedesk-dock-space')?.textContent;

describe('the Sidedesk panel docked in Outlook', () => {
  it('sits outside Outlook’s React root, at its remembered width, and makes room for itself', async () => {
    const { dock: made } = await dock({ width: 400, collapsed: false });
    expect(made.host.parentElement).toBe(document.documentElement);
    expect(document.getElementById('app')?.contains(made.host)).toBe(false);
    expect(made.host.style.width).toBe('400px');
    expect(space()).toContain('calc(100% - 400px)');
    stop.abort();
    expect(made.host.isConnected).toBe(false);
    expect(space()).toBeUndefined();
  });

  it('folds away and back from its button, remembering it', async () => {
    const { dock: made, saved, inside } = await dock();
    const toggle = inside('.toggle');
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    toggle?.click();
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(made.host.style.width).toBe('36px');
    expect(saved.at(-1)).toEqual({ width: DEFAULT_PANEL.width, collapsed: true });
    toggle?.click();
    expect(saved.at(-1)?.collapsed).toBe(false);
  });

  it('is resized from its edge by keyboard, within bounds, remembering it', async () => {
    const { dock: made, saved, inside } = await dock();
    const handle = inside('[role="separator"]');
    expect(handle?.tabIndex).toBe(0);
    const press = (key: string) =>
      handle?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    press('ArrowLeft');
    expect(made.host.style.width).toBe(`${DEFAULT_PANEL.width + 16}px`);
    expect(handle?.getAttribute('aria-valuenow')).toBe(String(DEFAULT_PANEL.width + 16));
    press('Home');
    expect(saved.at(-1)?.width).toBe(260);
    press('ArrowRight');
    expect(saved.at(-1)?.width).toBe(260);
  });

  it('keeps keys typed in it from Outlook, which reads single keys as shortcuts', async () => {
    const { inside } = await dock();
    const heard: string[] = [];
    document.addEventListener('keydown', (e) => heard.push(e.key));
    inside('.toggle')?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'r', bubbles: true, composed: true }),
    );
    expect(heard).toEqual([]);
  });

  it('shows the open conversation, or a queue over it, and goes back', async () => {
    const { dock: made, inside } = await dock();
    expect(inside('[data-testid="dock-empty"]')?.textContent).toMatch(/Open a conversation/);
    const thread = new AbortController();
    const place = made.mountConversation({ title: 'Sidedesk', iconUrl: 'data:,' }, thread.signal);
    expect(place.isConnected).toBe(true);
    const queue = new AbortController();
    const page = made.showQueue(queue.signal, () => queue.abort());
    expect(place.parentElement?.hidden).toBe(true);
    expect(page.isConnected).toBe(true);
    made.host.shadowRoot?.querySelector<HTMLElement>('.queue-bar button')?.click();
    expect(page.isConnected).toBe(false);
    expect(place.parentElement?.hidden).toBe(false);
    thread.abort();
    expect(place.isConnected).toBe(false);
    expect(inside('[data-testid="dock-empty"]')?.isConnected).toBe(true);
  });

  it('says why nothing shows, and steps aside outside the mail module', async () => {
    const { dock: made, inside } = await dock();
    made.notice('Sidedesk does not recognise this Outlook page.');
    expect(inside('[role="alert"]')?.textContent).toMatch(/does not recognise/);
    expect(inside('[data-testid="dock-empty"]')?.hidden).toBe(true);
    made.setHidden(true);
    expect(made.host.style.display).toBe('none');
    expect(space()).toBe('');
  });
});

describe('the stored panel state', () => {
  it('accepts only sizes the panel can take', () => {
    expect(PanelState.safeParse({ width: 340, collapsed: true }).success).toBe(true);
    expect(PanelState.safeParse({ width: 10, collapsed: false }).success).toBe(false);
    expect(PanelState.safeParse({ width: '340', collapsed: false }).success).toBe(false);
    expect(PanelState.safeParse(undefined).success).toBe(false);
  });
});
