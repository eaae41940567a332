import { browser } from 'wxt/browser';
import { z } from 'zod';

export const MIN_WIDTH = 260;
export const MAX_WIDTH = 720;

/** The docked panel's size and whether it is folded away, kept across reloads. */
export const PanelState = z.object({
  width: z.number().int().min(MIN_WIDTH).max(MAX_WIDTH),
  collapsed: z.boolean(),
});
export type PanelState = z.infer<typeof PanelState>;

export const DEFAULT_PANEL: PanelState = { width: 340, collapsed: false };

export interface PanelStore {
  load(): Promise<PanelState>;
  save(state: PanelState): Promise<void>;
}

const KEY = 'outlookPanel';

/** `browser.storage.local`; a stored value that no longer fits the schema reads as the default. */
export const browserPanelStore: PanelStore = {
  async load() {
    const stored: Record<string, unknown> = await browser.storage.local.get(KEY);
    const parsed = PanelState.safeParse(stored[KEY]);
    return parsed.success ? parsed.data : DEFAULT_PANEL;
  },
  save: (state) => browser.storage.local.set({ [KEY]: PanelState.parse(state) }),
};
