import { useState } from 'react';
import { formatInstant } from '../../../lib/options/reports/format';
import { daysOf, reportQuery } from '../../../lib/options/reports/view';
import '../common/pages.css';
import { LoadFailed, Loading } from '../common/States';
import { GoalsPanel } from '../goals/GoalsPanel';
import { useMembers } from '../members/use-members';
import type { SectionProps } from '../section-props';
import { Dashboard } from './Dashboard';
import { DrillDown } from './DrillDown';
import { ReportControls } from './ReportControls';
import './reports.css';
import { TimelinePanel } from './TimelinePanel';
import { useReportView } from './use-report-view';
import { useReportSummary } from './use-reports';

/** Reports (leads and admins): figures, charts and tables, down to one conversation's events. */
export function ReportsPage({ session }: SectionProps) {
  const [view, setView] = useReportView();
  // Days are cut where the lead is, so "Last 7 days" means their week.
  const [timeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const now = new Date();
  const query = reportQuery(view, now, timeZone);
  const days = daysOf(view, now);
  const summary = useReportSummary(query);
  const members = useMembers();
  const names = new Map((members.data?.items ?? []).map((m) => [m.id, m.name]));
  return (
    <section
      className="page reports-page"
      aria-labelledby="reports-title"
      data-testid="reports-page"
    >
      <h2 id="reports-title">Reports</h2>
      <p className="muted">
        Every figure is computed from the activity log; open one to see the conversations behind it,
        and a conversation to see how its figures were computed.
      </p>
      <ReportControls view={view} onChange={setView} now={now} />
      {summary.data && (
        <p className="muted" data-testid="report-period">
          {days.first} to {days.last} · days in {summary.data.timeZone} · as of{' '}
          {formatInstant(summary.data.asOf)}
          {summary.isFetching && ' · updating…'}
        </p>
      )}
      {view.metric && (
        <DrillDown
          key={view.metric}
          query={query}
          metric={view.metric}
          offset={view.offset}
          days={days}
          onPage={(offset) => setView({ ...view, offset })}
          onOpen={(conversation) => setView({ ...view, conversation })}
          onClose={() =>
            setView({ ...view, metric: undefined, offset: 0, conversation: undefined })
          }
        />
      )}
      {view.conversation && (
        <TimelinePanel
          id={view.conversation}
          clock={view.clock}
          names={names}
          onClose={() => setView({ ...view, conversation: undefined })}
        />
      )}
      {summary.isPending && <Loading what="the report" />}
      {summary.isError && (
        <LoadFailed what="the report" error={summary.error} retry={() => summary.refetch()} />
      )}
      {summary.data && (
        <Dashboard
          summary={summary.data}
          query={query}
          days={days}
          agentNames={names}
          onDrill={(metric) => setView({ ...view, metric, offset: 0, conversation: undefined })}
        />
      )}
      <GoalsPanel session={session} />
    </section>
  );
}
