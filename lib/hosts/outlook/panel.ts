import type { ShortcutHelp, SidebarPanel, ThemeMode } from '../types';
import { MAX_WIDTH, MIN_WIDTH, type PanelState, type PanelStore } from './panel-state';
import { DOCK_CSS, spaceFor } from './panel-styles';

const COLLAPSED_WIDTH = 36;
const KEY_STEP = 16;
/** Keys typed in the panel must not reach Outlook, which reads single keys as its shortcuts. */
const KEY_EVENTS = ['keydown', 'keypress', 'keyup'] as const;
const EMPTY = 'Open a conversation to see who has it, its status and notes.';

export interface DockNavItem {
  label: string;
  current: boolean;
  select(): void;
}

/** The panel Sidedesk docks at the right of Outlook; every Outlook surface we draw goes in it. */
export interface Dock {
  readonly host: HTMLElement;
  /** The open conversation's place; emptied when `signal` aborts. */
  mountConversation(panel: SidebarPanel, signal: AbortSignal): HTMLElement;
  /** Shown in the conversation view when no sidebar is (why the pane cannot be read). */
  explain(problem: string | null): void;
  /** Shows a queue page in place of the conversation until `signal` aborts. */
  showQueue(signal: AbortSignal, close: () => void): HTMLElement;
  setNav(title: string | null, items: readonly DockNavItem[]): void;
  showShortcuts(shortcuts: readonly ShortcutHelp[], signal: AbortSignal): void;
  /** A line above everything (the page was not recognised, the mailbox is unknown). */
  notice(message: string | null): void;
  setTheme(mode: ThemeMode): void;
  /** Outside Outlook's mail module the panel steps aside and gives the room back. */
  setHidden(hidden: boolean): void;
}

/**
 * A host element outside Outlook's React root (children of #app are React's and a
 * re-render drops foreign nodes), fixed to the right; the page is narrowed to make room.
 * Resizable by its edge (pointer or arrow keys), foldable; both remembered in `store`.
 */
export async function createDock(
  doc: Document,
  store: PanelStore,
  signal: AbortSignal,
): Promise<Dock> {
  let state: PanelState = await store.load();
  // The page may have gone away while the state was read: then nothing is drawn.
  signal.throwIfAborted();
  let hidden = false;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Partial<HTMLElementTagNameMap[K]> = {},
  ) => Object.assign(doc.createElement(tag), props);

  const host = el('div', { id: 'sidedesk-dock' });
  host.dataset.testid = 'sidedesk-panel';
  Object.assign(host.style, {
    position: 'fixed',
    top: '0',
    right: '0',
    bottom: '0',
    zIndex: '2147482000',
  });
  for (const type of KEY_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
  const space = el('style', { id: 'sidedesk-dock-space' });
  const shadow = host.attachShadow({ mode: 'open' });

  const dock = el('div', { className: 'dock' });
  const handle = el('div', { className: 'handle', tabIndex: 0 });
  const handleAttributes = {
    role: 'separator',
    'aria-orientation': 'vertical',
    'aria-label': 'Resize the Sidedesk panel',
    'aria-controls': 'sd-body',
    'aria-valuemin': String(MIN_WIDTH),
  };
  for (const [name, value] of Object.entries(handleAttributes)) handle.setAttribute(name, value);
  const icon = el('img', { className: 'icon', alt: '', hidden: true });
  const title = el('h2', { textContent: 'Sidedesk' });
  const toggle = el('button', { type: 'button', className: 'toggle' });
  toggle.setAttribute('aria-controls', 'sd-body');
  const bar = el('header', { className: 'bar' });
  bar.append(icon, title, toggle);
  const notice = el('p', { className: 'notice', hidden: true });
  notice.setAttribute('role', 'alert');
  const nav = el('nav', { hidden: true });
  nav.setAttribute('aria-labelledby', 'sd-nav-title');
  const navTitle = el('h3', { id: 'sd-nav-title' });
  const navList = el('ul');
  nav.append(navTitle, navList);
  const conversation = el('section', { className: 'view' });
  conversation.setAttribute('aria-label', 'Conversation');
  const empty = el('p', { className: 'empty', textContent: EMPTY });
  empty.dataset.testid = 'dock-empty';
  conversation.append(empty);
  const queue = el('section', { className: 'view', hidden: true });
  const shortcuts = el('details', { className: 'shortcuts', hidden: true });
  const body = el('div', { className: 'body', id: 'sd-body' });
  body.append(notice, nav, conversation, queue, shortcuts);
  const frame = el('div', { className: 'frame' });
  frame.append(bar, body);
  dock.append(handle, frame);
  const style = el('style', { textContent: DOCK_CSS });
  shadow.append(style, dock);

  const maxWidth = () =>
    Math.max(
      MIN_WIDTH,
      Math.min(MAX_WIDTH, Math.round((doc.defaultView?.innerWidth ?? 1280) * 0.6)),
    );
  const clamp = (width: number) => Math.round(Math.min(maxWidth(), Math.max(MIN_WIDTH, width)));
  const layout = () => {
    const width = state.collapsed ? COLLAPSED_WIDTH : clamp(state.width);
    host.style.width = `${width}px`;
    host.style.display = hidden ? 'none' : 'block';
    space.textContent = hidden ? '' : spaceFor(width);
    dock.toggleAttribute('data-collapsed', state.collapsed);
    toggle.setAttribute('aria-expanded', String(!state.collapsed));
    toggle.setAttribute(
      'aria-label',
      state.collapsed ? 'Show the Sidedesk panel' : 'Hide the Sidedesk panel',
    );
    toggle.title = toggle.getAttribute('aria-label') ?? '';
    toggle.textContent = state.collapsed ? '‹' : '›';
    handle.setAttribute('aria-valuemax', String(maxWidth()));
    handle.setAttribute('aria-valuenow', String(clamp(state.width)));
  };
  const update = (next: Partial<PanelState>, save: boolean) => {
    state = { ...state, ...next, width: clamp(next.width ?? state.width) };
    layout();
    if (save) store.save(state).catch(() => {});
  };

  toggle.addEventListener('click', () => update({ collapsed: !state.collapsed }, true));
  handle.addEventListener('keydown', (event) => {
    const keys: Record<string, number> = {
      ArrowLeft: state.width + KEY_STEP,
      ArrowRight: state.width - KEY_STEP,
      Home: MIN_WIDTH,
      End: maxWidth(),
    };
    const width = keys[event.key];
    if (width === undefined) return;
    event.preventDefault();
    update({ width }, true);
  });
  handle.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    handle.setPointerCapture?.(event.pointerId);
    handle.toggleAttribute('data-dragging', true);
    const viewport = doc.defaultView?.innerWidth ?? 0;
    const move = (e: PointerEvent) => update({ width: viewport - e.clientX }, false);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.toggleAttribute('data-dragging', false);
      update({}, true);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up, { once: true });
    handle.addEventListener('pointercancel', up, { once: true });
  });
  doc.defaultView?.addEventListener('resize', layout, { signal });

  (doc.head ?? doc.documentElement).append(space);
  doc.documentElement.append(host);
  layout();
  signal.addEventListener(
    'abort',
    () => {
      host.remove();
      space.remove();
    },
    { once: true },
  );

  const showView = (view: 'conversation' | 'queue') => {
    conversation.hidden = view !== 'conversation';
    queue.hidden = view !== 'queue';
  };

  return {
    host,
    mountConversation(panel, until) {
      title.textContent = panel.title;
      icon.src = panel.iconUrl;
      icon.hidden = false;
      const place = el('div');
      conversation.replaceChildren(place);
      until.addEventListener(
        'abort',
        () => {
          if (!place.isConnected) return;
          conversation.replaceChildren(empty);
        },
        { once: true },
      );
      return place;
    },
    explain(problem) {
      empty.textContent = problem ?? EMPTY;
    },
    showQueue(until, close) {
      const back = el('button', { type: 'button', textContent: 'Back to the conversation' });
      back.addEventListener('click', close);
      const backBar = el('div', { className: 'queue-bar' });
      backBar.append(back);
      const place = el('div');
      queue.replaceChildren(backBar, place);
      showView('queue');
      if (state.collapsed) update({ collapsed: false }, true);
      until.addEventListener(
        'abort',
        () => {
          if (!place.isConnected) return;
          queue.replaceChildren();
          showView('conversation');
        },
        { once: true },
      );
      return place;
    },
    setNav(heading, items) {
      nav.hidden = heading === null;
      navTitle.textContent = heading ?? '';
      navList.replaceChildren(
        ...items.map((item) => {
          const button = el('button', { type: 'button', textContent: item.label });
          if (item.current) button.setAttribute('aria-current', 'page');
          button.addEventListener('click', () => item.select());
          const li = el('li');
          li.append(button);
          return li;
        }),
      );
    },
    showShortcuts(list, until) {
      const summary = el('summary', { textContent: 'Keyboard shortcuts' });
      const dl = el('dl');
      for (const shortcut of list) {
        const keys = shortcut.chord
          .split('+')
          .map((k) => k.charAt(0).toUpperCase() + k.slice(1))
          .join('+');
        dl.append(el('dt', { textContent: keys }), el('dd', { textContent: shortcut.description }));
      }
      shortcuts.replaceChildren(summary, dl);
      shortcuts.hidden = list.length === 0;
      until.addEventListener('abort', () => (shortcuts.hidden = true), { once: true });
    },
    notice(message) {
      notice.textContent = message ?? '';
      notice.hidden = message === null;
      // While a notice stands, nothing else can show: the hint to open a conversation would mislead.
      empty.hidden = message !== null;
    },
    setTheme(mode) {
      dock.dataset.theme = mode;
    },
    setHidden(next) {
      if (next === hidden) return;
      hidden = next;
      layout();
    },
  };
}
