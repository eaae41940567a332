import { useId, useMemo, useState } from 'react';
import type { PolicyDraft } from '../../../lib/options/sla/policy-draft';
import { fridayArrival, previewOf } from '../../../lib/options/sla/preview';
import { browserTimeZone } from '../../../lib/options/sla/time-zones';
import type { SlaCalendarRecord } from '../../../lib/schema';

type Props = { draft: PolicyDraft; calendars: readonly SlaCalendarRecord[] };

/**
 * When each target of the draft would be due for an email arriving at a chosen time,
 * computed here by the SLA engine as the draft changes: no request is made.
 */
export function PolicyPreview({ draft, calendars }: Props) {
  const id = useId();
  const localZone = useMemo(browserTimeZone, []);
  const zoneNow = () =>
    calendars.find((c) => draft.clock === 'business' && c.id === draft.calendarId)?.timeZone ??
    localZone;
  // A wall time: switching calendars keeps "Friday 17:50", read in the new calendar's zone.
  const [arrival, setArrival] = useState(() => fridayArrival(zoneNow(), Date.now()));
  const preview = previewOf({ draft, calendars, arrival, localZone });
  return (
    <aside
      className="card sla-preview"
      aria-labelledby={`${id}-title`}
      data-testid="policy-preview"
    >
      <h5 id={`${id}-title`}>Preview</h5>
      <label htmlFor={`${id}-arrival`}>Email arrives (time in {preview.zone})</label>
      <input
        id={`${id}-arrival`}
        type="datetime-local"
        value={arrival}
        onChange={(e) => setArrival(e.target.value)}
        data-testid="preview-arrival"
      />
      <button
        type="button"
        className="secondary"
        onClick={() => setArrival(fridayArrival(zoneNow(), Date.now()))}
      >
        This Friday 17:50
      </button>
      {preview.note ? (
        <p className="muted" data-testid="preview-note">
          {preview.note}
        </p>
      ) : (
        <dl className="preview-lines">
          {preview.lines.map((line) => (
            <div key={line.kind} data-testid={`preview-${line.kind}`}>
              <dt>{line.label}</dt>
              <dd className={line.ok ? undefined : 'error'} data-testid="preview-sentence">
                {line.text}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className="muted hint">
        From arrival with no reply and no pause, on the saved calendar’s hours and holidays.
      </p>
    </aside>
  );
}
