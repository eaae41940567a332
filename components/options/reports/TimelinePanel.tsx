import { eventLabel, type FactLine, factLines } from '../../../lib/options/reports/explain';
import { formatInstant } from '../../../lib/options/reports/format';
import type { ReportClock, TimelineEvent } from '../../../lib/schema';
import { LoadFailed, Loading } from '../common/States';
import { useConversationTimeline } from './use-reports';
import { useReveal } from './use-reveal';

type Props = {
  id: string;
  clock: ReportClock;
  names: ReadonlyMap<string, string>;
  onClose: () => void;
};

/** One conversation's events in order, and which of them each of its figures runs between. */
export function TimelinePanel({ id, clock, names, onClose }: Props) {
  const timeline = useConversationTimeline(id, clock);
  const heading = useReveal(Boolean(timeline.data));
  if (timeline.isPending) return <Loading what="the conversation’s timeline" />;
  if (timeline.isError)
    return (
      <LoadFailed what="the timeline" error={timeline.error} retry={() => timeline.refetch()} />
    );
  const { subject, events, facts } = timeline.data;
  const byId = new Map(events.map((e) => [e.id, e]));
  const named = (eventId: string | null) => {
    const event = eventId ? byId.get(eventId) : undefined;
    return event && `“${eventLabel(event, names)} ${formatInstant(event.at)}”`;
  };
  const lines = factLines(facts);
  const marks = (event: TimelineEvent) => [
    ...lines.filter((l) => l.startId === event.id).map((l) => `starts ${l.label}`),
    ...lines.filter((l) => l.endId === event.id).map((l) => `ends ${l.label} (${l.value})`),
  ];
  const span = (line: FactLine) => {
    const from = named(line.startId);
    const to = named(line.endId);
    if (from && to) return `: from ${from} to ${to}`;
    return from ? `: since ${from}` : '';
  };
  return (
    <section
      className="report-panel timeline-panel"
      aria-labelledby="timeline-title"
      data-testid="timeline"
    >
      <header className="report-panel-head">
        <h3 id="timeline-title" ref={heading} tabIndex={-1}>
          Timeline: {subject || '(no subject)'}
        </h3>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </header>
      <h4>How its figures were computed</h4>
      <ul className="fact-lines">
        {lines.map((line) => (
          <li key={line.key} data-testid="fact-line" data-state={line.state}>
            <strong>{line.label}</strong> {line.value}
            {span(line)}
          </li>
        ))}
      </ul>
      <p className="muted">
        Durations in {facts.clock === 'business' ? 'business hours' : 'calendar time'}; SLA targets
        in their policy’s own clock, as the countdowns show them.
      </p>
      <h4>Events</h4>
      <ol className="timeline">
        {events.map((event) => (
          <li key={event.id} data-testid="timeline-event" data-type={event.type}>
            <time dateTime={event.at}>{formatInstant(event.at)}</time>{' '}
            <span>{eventLabel(event, names)}</span>
            {event.actorId && (
              <span className="muted"> by {names.get(event.actorId) ?? 'someone'}</span>
            )}
            {marks(event).map((mark) => (
              <span key={mark} className="timeline-mark">
                {mark}
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
