import Kefir from 'kefir';
import kefirCast from 'kefir-cast';
import { describe, expect, it } from 'vitest';
import { chipSetter, type LabelSource } from './chip-labels';

const ana = { text: 'AS', foreground: '#fff', background: '#1a73e8' };
const open = { text: 'open', foreground: '#000', background: '#e6f4ea' };

/** Reads each label the way InboxSDK does: kefir-cast, then a property. */
function inboxSdkRow() {
  const labels: Array<Array<unknown>> = [];
  const addLabel = (source: LabelSource) => {
    const seen: unknown[] = [];
    labels.push(seen);
    kefirCast(Kefir, source)
      .toProperty()
      .onValue((value: unknown) => seen.push(value));
  };
  return { labels, setChips: chipSetter(addLabel) };
}

describe('row chips as InboxSDK labels', () => {
  it('draws one label per chip, in order on the row (InboxSDK shows the newest label first)', () => {
    const row = inboxSdkRow();
    row.setChips([ana, open]);
    expect(row.labels.map((l) => l.at(-1)).reverse()).toEqual([
      { title: 'AS', foregroundColor: '#fff', backgroundColor: '#1a73e8' },
      { title: 'open', foregroundColor: '#000', backgroundColor: '#e6f4ea' },
    ]);
  });

  it('updates labels in place when someone else changes the conversation', () => {
    const row = inboxSdkRow();
    row.setChips([open]);
    row.setChips([{ ...open, text: 'closed' }]);
    expect(row.labels).toHaveLength(1);
    expect(row.labels[0]?.at(-1)).toMatchObject({ title: 'closed' });
  });

  it('clears labels no longer needed, and reuses them later', () => {
    const row = inboxSdkRow();
    row.setChips([ana, open]);
    row.setChips([]);
    expect(row.labels.map((l) => l.at(-1))).toEqual([null, null]);
    row.setChips([open]);
    expect(row.labels).toHaveLength(2);
    expect(row.labels.map((l) => l.at(-1)).reverse()).toEqual([
      null,
      { title: 'open', foregroundColor: '#000', backgroundColor: '#e6f4ea' },
    ]);
  });
});
