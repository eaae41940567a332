import type { SlaSectionModel } from '../../lib/features/sla-section';

/** The conversation's SLA: each target's countdown, in its tone, and when it is due. */
export function SlaSection({ sla }: { sla: SlaSectionModel }) {
  return (
    <section className="section" aria-label="SLA" data-testid="sla">
      <h2>SLA · {sla.policy}</h2>
      <ul className="sla-targets">
        {sla.targets.map((t) => (
          <li key={t.kind} data-testid={`sla-${t.kind}`} data-state={t.state}>
            <span className="sla-name">{t.name}</span>
            <span className={`sla-chip ${t.tone}`}>{t.label}</span>
            {t.detail && <span className="sla-detail">{t.detail}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
