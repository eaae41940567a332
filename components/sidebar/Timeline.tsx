import { timeline } from '../../lib/features/timeline';
import type { Event, Member } from '../../lib/schema';

interface TimelineProps {
  events: Event[] | string | null;
  members: Member[];
  now: number;
}

/** What happened to the conversation, newest first, from the server's activity log. */
export function Timeline({ events, members, now }: TimelineProps) {
  return (
    <section className="section" aria-label="Activity">
      <h2>Activity</h2>
      {typeof events === 'string' ? (
        <p className="muted" data-testid="timeline-problem">
          {events}
        </p>
      ) : events === null ? (
        <p className="muted">Loading activity…</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {timeline(events, members, new Date(now)).map((entry) => (
            <li key={entry.id}>
              {entry.text} · <time dateTime={entry.at}>{entry.ago}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
