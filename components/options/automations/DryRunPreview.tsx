import type { RuleFields } from '../../../lib/options/automations/rule-draft';
import { matchSentence } from '../../../lib/options/automations/rule-summary';
import { Problem } from '../common/Problem';
import { useDryRun } from './use-rules';

type Props = {
  /** The editor's rule once it passes the contract; null while it does not. */
  rule: RuleFields | null;
  /** Asked with a rule that does not pass: the editor shows every problem. */
  onInvalid: () => void;
};

const when = (at: string) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The editor's rule (saved or not) run over the past week: what would have matched. */
export function DryRunPreview({ rule, onInvalid }: Props) {
  const dryRun = useDryRun();
  const run = () => {
    if (rule) dryRun.mutate(rule);
    else onInvalid();
  };
  const result = dryRun.data;
  return (
    <section className="dry-run" aria-label="Preview" data-testid="rule-dry-run">
      <button
        type="button"
        className="secondary"
        onClick={run}
        disabled={dryRun.isPending}
        data-testid="rule-preview"
      >
        {dryRun.isPending ? 'Looking at last week…' : 'Preview on last week'}
      </button>
      <Problem error={dryRun.error} />
      <div role="status" aria-live="polite">
        {result && (
          <p data-testid="rule-dry-run-count">
            {matchSentence(result)}
            {result.matched > result.matches.length &&
              ` (the first ${result.matches.length} are listed)`}
            . Nothing was changed.
          </p>
        )}
      </div>
      {result && result.matches.length > 0 && (
        <table className="data-table" data-testid="rule-dry-run-table">
          <caption className="sr-only">Conversations the rule would have matched</caption>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">When</th>
              <th scope="col">Effects</th>
            </tr>
          </thead>
          <tbody>
            {result.matches.map((m) => (
              <tr key={`${m.conversationId}-${m.at}`} data-testid="rule-dry-run-row">
                <td>{m.subject || '(no subject)'}</td>
                <td>{when(m.at)}</td>
                <td>{m.effects.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
