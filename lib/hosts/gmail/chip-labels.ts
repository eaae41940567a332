import type { LabelDescriptor } from '@inboxsdk/core';
import type { RowChip } from '../types';

type LabelEvent = { type: 'value'; value: LabelDescriptor | null };
type Listener = (event: LabelEvent) => void;

/**
 * A label InboxSDK redraws in place when its value changes. ThreadRowView.addLabel takes
 * a Kefir stream, which InboxSDK's kefir-cast recognises by onAny/offAny: this holder is
 * one, without bundling Kefir into our content script.
 */
export interface LabelSource {
  onAny(listener: Listener): void;
  offAny(listener: Listener): void;
}

/** Keeps a row's labels equal to the latest list of chips, reusing InboxSDK's labels. */
export function chipSetter(addLabel: (source: LabelSource) => void) {
  const slots: Array<(value: LabelDescriptor | null) => void> = [];
  return (chips: readonly RowChip[]) => {
    while (slots.length < chips.length) slots.push(labelSlot(addLabel));
    // InboxSDK puts each new label before the others: the first slot shows last.
    slots.forEach((set, i) => {
      const chip = chips[chips.length - 1 - i];
      set(
        chip
          ? { title: chip.text, foregroundColor: chip.foreground, backgroundColor: chip.background }
          : null,
      );
    });
  };
}

function labelSlot(addLabel: (source: LabelSource) => void) {
  let current: LabelDescriptor | null = null;
  const listeners = new Set<Listener>();
  addLabel({
    onAny(listener) {
      listeners.add(listener);
      listener({ type: 'value', value: current });
    },
    offAny(listener) {
      listeners.delete(listener);
    },
  });
  return (value: LabelDescriptor | null) => {
    current = value;
    for (const listener of listeners) listener({ type: 'value', value });
  };
}
