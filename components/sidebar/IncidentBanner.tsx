import type { AutomationView } from '../../lib/features/thread-automation';
import type { Run, SidebarActions } from './types';

interface Props {
  incident: NonNullable<AutomationView['incident']>;
  insertReply: SidebarActions['insertIncidentReply'];
  run: Run;
}

/** This conversation is part of an open incident: say so, and offer its approved reply. */
export function IncidentBanner({ incident, insertReply, run }: Props) {
  const { templateId } = incident;
  return (
    <div className="notice" role="status" data-testid="incident-banner">
      <span>
        Part of the open incident <strong>{incident.name}</strong>.
      </span>
      {templateId && (
        <button
          type="button"
          onClick={() => run(() => insertReply(templateId))}
          data-testid="incident-insert-reply"
        >
          Insert reply
        </button>
      )}
    </div>
  );
}
