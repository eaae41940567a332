import { useEffect, useState } from 'react';
import { sameValue } from '../../../lib/options/sla/same';
import { reapplied } from '../../../lib/options/sla/stale';

type Options<R, D> = {
  /** The stored record; null for a new one. */
  record: R | null;
  fresh: () => D;
  /** Must be stable (a module function): it is an effect's dependency. */
  draftOf: (record: R) => D;
};

/**
 * An editor's state over a versioned record: the version edited (`base`), the draft, which
 * top-level fields were touched (their problems show as typed) and whether a save was tried
 * (then all show). A save refused as stale loads the current record and keeps the admin's
 * edit aside, to put back on top of it (the fields they changed) only if they choose.
 */
export function useRecordDraft<R extends { version: number }, D extends object>({
  record,
  fresh,
  draftOf,
}: Options<R, D>) {
  const [base, setBase] = useState(record);
  const [draft, setDraft] = useState<D>(() => (record ? draftOf(record) : fresh()));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [mine, setMine] = useState<{ edited: D; draft: D } | null>(null);
  const dirty = base ? !sameValue(draft, draftOf(base)) : true;

  // Someone else's save arrives through the list: adopt it while nothing here is unsaved.
  useEffect(() => {
    if (record && base && record.version > base.version && !dirty) {
      setBase(record);
      setDraft(draftOf(record));
    }
  }, [record, base, dirty, draftOf]);

  return {
    base,
    draft,
    dirty,
    touched,
    attempted,
    /** Whether a stale save loaded someone else's version over the admin's edit. */
    stale: mine !== null,
    edit(next: D, ...fields: string[]) {
      setDraft(next);
      setTouched((t) => new Set([...t, ...fields]));
    },
    attempt: () => setAttempted(true),
    /** The API saved it: this is now the version edited. */
    adopt(saved: R) {
      setBase(saved);
      setDraft(draftOf(saved));
      setTouched(new Set());
      setAttempted(false);
      setMine(null);
    },
    /** The stored record changed under an unsaved draft (an import): keep the draft on it. */
    rebase(stored: R, kept: D) {
      setBase(stored);
      setDraft(kept);
    },
    reload(current: R) {
      setMine({ edited: base ? draftOf(base) : draft, draft });
      setBase(current);
      setDraft(draftOf(current));
    },
    reapply() {
      if (mine !== null) setDraft(reapplied(mine.edited, mine.draft, draft));
      setMine(null);
    },
  };
}
