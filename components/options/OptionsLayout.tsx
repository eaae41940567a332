import { useEffect, useRef } from 'react';
import { hashOf, type SectionId, sectionsFor } from '../../lib/options/sections';
import { AutomationsPage } from './automations/AutomationsPage';
import { CopilotPage } from './copilot/CopilotPage';
import { IncidentsPage } from './incidents/IncidentsPage';
import { MembersPage } from './members/MembersPage';
import { ProfilePage } from './profile/ProfilePage';
import { ReportsPage } from './reports/ReportsPage';
import { ReviewPage } from './review/ReviewPage';
import type { SectionProps } from './section-props';
import { SettingsPage } from './settings/SettingsPage';
import { SlaPage } from './sla/SlaPage';
import { TagsPage } from './tags/TagsPage';
import { TeamsPage } from './teams/TeamsPage';
import { TemplatesPage } from './templates/TemplatesPage';
import { useHashRoute } from './use-hash-route';

const PAGES: Record<SectionId, (props: SectionProps) => React.ReactNode> = {
  templates: TemplatesPage,
  tags: TagsPage,
  members: MembersPage,
  teams: TeamsPage,
  sla: SlaPage,
  reports: ReportsPage,
  review: ReviewPage,
  automations: AutomationsPage,
  incidents: IncidentsPage,
  settings: SettingsPage,
  copilot: CopilotPage,
  profile: ProfilePage,
};

/** The signed-in page: a nav of the sections the role may open, and the open one. */
export function OptionsLayout({ session }: SectionProps) {
  const sections = sectionsFor(session.role);
  const current = useHashRoute(sections);
  const Page = PAGES[current];
  const main = useRef<HTMLElement>(null);
  const label = sections.find((s) => s.id === current)?.label ?? '';

  useEffect(() => {
    document.title = `${label} · Sidedesk settings`;
  }, [label]);

  return (
    <div className="options options-shell">
      <header>
        <h1>Sidedesk settings</h1>
        <span className="muted" data-testid="options-workspace">
          {session.workspace.name} · {session.member.name} ({session.role})
        </span>
      </header>
      <nav aria-label="Sections">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a
                href={hashOf(s.id)}
                aria-current={s.id === current ? 'page' : undefined}
                // The hash changes the page; focus follows, as a page load would move it.
                onClick={() => requestAnimationFrame(() => main.current?.focus())}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main ref={main} tabIndex={-1} aria-label={label}>
        <Page session={session} />
      </main>
    </div>
  );
}
