import type { RowChip } from '../hosts/types';
import type { ChangeNotice } from '../schema/messages';
import {
  type CountdownSubject,
  type CountdownTone,
  conversationCountdowns,
  mostUrgent,
  type PolicyClocks,
} from '../sla';

/** Neutral, amber within the warning window, red overdue; each readable at AA contrast. */
export const SLA_TONES: Record<CountdownTone, Pick<RowChip, 'foreground' | 'background'>> = {
  neutral: { foreground: '#3c4043', background: '#e8eaed' },
  amber: { foreground: '#3d2a00', background: '#fbc02d' },
  red: { foreground: '#ffffff', background: '#c5221f' },
};

/** The tones as CSS rules for `selector.neutral`, `selector.amber`, `selector.red`. */
export const slaChipCss = (selector: string) =>
  Object.entries(SLA_TONES)
    .map(
      ([tone, c]) => `${selector}.${tone} { background: ${c.background}; color: ${c.foreground}; }`,
    )
    .join('\n');

/** The conversation's most urgent countdown still owed ("FR 12m"), or null. */
export function slaChip(
  conversation: CountdownSubject,
  clocks: PolicyClocks,
  now: number,
): RowChip | null {
  const live = conversationCountdowns(conversation, clocks, now);
  const urgent = live && mostUrgent(live.countdowns);
  return urgent ? { text: urgent.label, ...SLA_TONES[urgent.tone] } : null;
}

/** A notice that says only that time passed: nothing needs reading again, only redrawing. */
export const onlyTimePassed = (notice: ChangeNotice) =>
  notice.conversationIds.length === 0 &&
  notice.tables.length > 0 &&
  notice.tables.every((t) => t === 'clock');
