import type { Member, Tag } from '../schema';
import type { ChangeNotice } from '../schema/messages';
import { type PolicyClocks, policyClocks } from '../sla';
import type { Background } from './background';

/** Members, tags and SLA clocks as every sidebar and row of the page shares them. */
export interface PageLists {
  members(): Promise<Member[]>;
  tags(): Promise<Tag[]>;
  /** The SLA policies' clocks, for countdowns (each calendar compiled once per page). */
  sla(): Promise<PolicyClocks>;
  /** Both lists as last read, when both are read and still current; null otherwise. */
  known(): { members: Member[]; tags: Tag[] } | null;
  /** Hears each change notice after the lists it names were forgotten. */
  subscribe(listener: (notice: ChangeNotice) => void): () => void;
}

/** A value read when first asked for and kept until forgotten; a failed read is not kept. */
function kept<T>(read: () => Promise<T>) {
  let value: Promise<T> | null = null;
  let settled: { value: T } | null = null;
  return {
    get(): Promise<T> {
      if (value) return value;
      const reading = read();
      value = reading;
      reading.then(
        (result) => {
          if (value === reading) settled = { value: result };
        },
        () => {
          if (value === reading) value = null;
        },
      );
      return reading;
    },
    /** The value, once read and while not forgotten. */
    now: () => settled,
    forget() {
      value = null;
      settled = null;
    },
  };
}

/**
 * Read once per page rather than once per opened thread, so a sidebar opens with one
 * message to the worker instead of three. One subscription renews them and passes each
 * notice on, so no listener reads a list its notice has outdated.
 */
export function pageLists(
  background: Pick<Background, 'send' | 'subscribe'>,
  signal: AbortSignal,
): PageLists {
  const members = kept(() => background.send({ type: 'listMembers' }));
  const tags = kept(() => background.send({ type: 'listTags' }));
  const sla = kept(async () => {
    const [policies, calendars] = await Promise.all([
      background.send({ type: 'listSlaPolicies' }),
      background.send({ type: 'listSlaCalendars' }),
    ]);
    return policyClocks(policies, calendars);
  });
  const listeners = new Set<(notice: ChangeNotice) => void>();
  const unsubscribe = background.subscribe((notice) => {
    // Another account or workspace has other members and tags.
    const session = notice.tables.includes('session');
    if (session || notice.tables.includes('members')) members.forget();
    if (session || notice.tables.includes('tags')) tags.forget();
    if (session || notice.tables.includes('sla')) sla.forget();
    for (const listener of listeners) listener(notice);
  });
  signal.addEventListener('abort', unsubscribe, { once: true });
  return {
    members: members.get,
    tags: tags.get,
    sla: sla.get,
    known() {
      const m = members.now();
      const t = tags.now();
      return m && t ? { members: m.value, tags: t.value } : null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
