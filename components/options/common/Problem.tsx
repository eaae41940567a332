import { describeProblem } from '../../../lib/options/problems';

/** A refusal or failure, next to the control it concerns, in the API's words. */
export function Problem({ error, id }: { error: unknown; id?: string }) {
  if (!error) return null;
  return (
    <p className="error" role="alert" id={id} data-testid="problem">
      {describeProblem(error)}
    </p>
  );
}
