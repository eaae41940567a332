import type { SlaTargetKind, SlaTargetState } from '../schema/sla';
import type { WorkingTime } from './calendar';
import type { ClockRun, Span } from './clock';
import { isoInstant } from './iso-instant';

/** Where a clock counts: its active spans with the pauses taken out. */
function countingSpans(active: readonly Span[], pauses: readonly Span[]): Span[] {
  const spans: Span[] = [];
  for (const span of active) {
    let start = span.start;
    for (const pause of pauses) {
      if (pause.end <= start || pause.start >= span.end) continue;
      if (pause.start > start) spans.push({ start, end: pause.start });
      start = Math.max(start, pause.end);
      if (start >= span.end) break;
    }
    if (start < span.end) spans.push({ start, end: span.end });
  }
  return spans;
}

/**
 * The instant by which `amount` of clock time has been counted over `spans`, or null
 * when the spans end first. Time used up exactly at a closing is due at that closing.
 */
function instantUsing(spans: readonly Span[], time: WorkingTime, amount: number): number | null {
  if (amount <= 0) return spans[0]?.start ?? null;
  let counted = 0;
  for (const span of spans) {
    if (span.end === Infinity) return time.advance(span.start, amount - counted);
    const inSpan = time.measure(span.start, span.end);
    if (counted + inSpan >= amount) return time.advance(span.start, amount - counted);
    counted += inSpan;
  }
  return null;
}

/** Clock time counted over `spans` up to `now`. */
function usedBy(spans: readonly Span[], time: WorkingTime, now: number): number {
  let used = 0;
  for (const span of spans) {
    if (span.start >= now) break;
    used += time.measure(span.start, Math.min(span.end, now));
  }
  return used;
}

interface TargetInput {
  kind: SlaTargetKind;
  run: ClockRun;
  pauses: readonly Span[];
  time: WorkingTime;
  targetMs: number;
  /** Clock time used when the warning starts; null without a warning. */
  warnAfterMs: number | null;
  now: number;
}

const isoOrNull = (instant: number | null) => (instant === null ? null : isoInstant(instant));

/**
 * One target at `now`. Breached means more clock time was used than the target allows,
 * so a reply after a due time that fell at a closing, before the next opening, is met.
 */
export function targetState(input: TargetInput): SlaTargetState {
  const { run, pauses, time, targetMs, warnAfterMs, now } = input;
  const spans = countingSpans(run.active, pauses);
  const usedMs = usedBy(spans, time, now);
  const paused = pauses.some((p) => p.start <= now && now < p.end);
  const state =
    usedMs > targetMs
      ? 'breached'
      : run.completedAt !== null
        ? 'met'
        : paused
          ? 'paused'
          : 'running';
  return {
    kind: input.kind,
    state,
    startedAt: isoInstant(run.startedAt),
    dueAt: isoOrNull(instantUsing(spans, time, targetMs)),
    warnAt: warnAfterMs === null ? null : isoOrNull(instantUsing(spans, time, warnAfterMs)),
    completedAt: isoOrNull(run.completedAt),
    usedMs,
    remainingMs: targetMs - usedMs,
  };
}
