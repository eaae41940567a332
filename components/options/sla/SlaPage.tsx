import { may } from '../../../lib/options/capabilities';
import { slaParts } from '../../../lib/options/sla/parts';
import '../common/pages.css';
import { OfflineBanner } from '../common/States';
import type { SectionProps } from '../section-props';
import { CalendarsPart } from './CalendarsPart';
import { PoliciesPart } from './PoliciesPart';
import { SlaNav } from './SlaNav';
import './sla.css';
import { useCalendars } from './use-calendars';
import { usePolicies } from './use-policies';
import { useSlaPart } from './use-sla-part';
import { WebhookPart } from './WebhookPart';

/** SLA: calendars, policies with a live preview, and (admins) the breach webhook. */
export function SlaPage({ session }: SectionProps) {
  const parts = slaParts(session.role);
  const part = useSlaPart(parts);
  const calendars = useCalendars();
  const policies = usePolicies();
  const offline = Boolean(calendars.data?.offline || policies.data?.offline);
  const admin = may(session.role, 'manageSla');
  const editable = admin && !offline;
  const retry = () => {
    void calendars.refetch();
    void policies.refetch();
  };
  return (
    <section className="page sla-page" aria-labelledby="sla-title" data-testid="sla-page">
      <h2 id="sla-title">Service levels (SLA)</h2>
      <p className="muted">
        Calendars say when business time runs; policies give conversations their targets. The first
        policy in the list whose conditions hold applies.
      </p>
      {offline && <OfflineBanner what="calendars and policies" retry={retry} />}
      {!admin && (
        <p className="banner" role="note" data-testid="sla-readonly">
          Only admins change calendars, policies and the breach webhook. You can read them here and
          try a policy’s preview.
        </p>
      )}
      <SlaNav parts={parts} current={part} />
      {part === 'calendars' && <CalendarsPart editable={editable} />}
      {part === 'policies' && <PoliciesPart editable={editable} />}
      {part === 'webhook' && <WebhookPart />}
    </section>
  );
}
