import type { z } from 'zod';
import type { AskCopilot } from '../../lib/features/copilot-session';
import type { ThreadText } from '../../lib/schema';
import type { MutationArgs } from '../../lib/schema/mutation';
import type { Outcome } from './types';

/** What `copilot.record` takes: names and ids only, never text. */
export type CopilotRecord = z.input<(typeof MutationArgs)['copilot.record']>;

/** What the copilot section needs from the page and the worker (lib/features/copilot-ports.ts). */
export interface CopilotPorts {
  /** The thread this panel belongs to: its draft is kept under this key while the page lives. */
  threadKey: string;
  /** Reads the thread's text from the page: only when the agent asks (or for offline triage). */
  readText(): Promise<ThreadText>;
  ask: AskCopilot;
  /** Opens (or reuses) a reply on the thread and inserts the text as sanitised HTML; never sends. */
  insert(text: string): Outcome;
  record(args: CopilotRecord): Outcome;
}
