import { useState } from 'react';
import { may } from '../../../lib/options/capabilities';
import { isOffline } from '../../../lib/options/problems';
import { inOrder } from '../../../lib/options/sla/order';
import '../common/pages.css';
import '../sla/sla.css';
import './automations.css';
import { Empty, LoadFailed, Loading, OfflineNothingCached } from '../common/States';
import type { SectionProps } from '../section-props';
import { RuleEditor } from './RuleEditor';
import { RuleList } from './RuleList';
import { useRuleRefs } from './use-rule-refs';
import { useRules } from './use-rules';

/** Rules the API runs on conversations: the list in order, and the one open (or a new one). */
export function AutomationsPage({ session }: SectionProps) {
  const rules = useRules();
  const refs = useRuleRefs();
  const editable = may(session.role, 'manageAutomations');
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const retry = () => void rules.refetch();
  const ordered = rules.data ? inOrder(rules.data) : [];
  const open = ordered.find((r) => r.id === selected) ?? null;
  return (
    <section className="page" aria-labelledby="automations-title" data-testid="automations-page">
      <div className="row">
        <h2 id="automations-title">Automations</h2>
        {editable && rules.isSuccess && (
          <button type="button" onClick={() => setSelected('new')} data-testid="rule-new">
            New rule
          </button>
        )}
      </div>
      <p className="muted">
        Rules run on the server, from the top, when their trigger fires: each whose conditions all
        hold does its actions, and every action is recorded on the conversation with the rule’s
        name.
      </p>
      {rules.isPending ? (
        <Loading what="rules" />
      ) : rules.isError ? (
        isOffline(rules.error) ? (
          <OfflineNothingCached what="Rules" retry={retry} />
        ) : (
          <LoadFailed what="rules" error={rules.error} retry={retry} />
        )
      ) : (
        <>
          {ordered.length === 0 ? (
            <Empty>No rules yet.{editable ? ' Create one to act on conversations.' : ''}</Empty>
          ) : (
            <RuleList
              rules={ordered}
              names={refs.names}
              editable={editable}
              selectedId={open?.id ?? null}
              onSelect={setSelected}
            />
          )}
          {(selected === 'new' || open) && (
            <RuleEditor
              key={open?.id ?? 'new'}
              rule={open}
              refs={refs}
              editable={editable}
              onSelect={setSelected}
            />
          )}
        </>
      )}
    </section>
  );
}
