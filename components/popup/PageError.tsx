import { useMutation } from '@tanstack/react-query';
import { send } from '../../lib/messaging';
import type { PageError as PageErrorRecord } from '../../lib/schema/messages';

/** The latest failure a mail page reported (Gmail changed its page), until dismissed. */
export function PageError({ error }: { error: PageErrorRecord | null }) {
  const dismiss = useMutation({ mutationFn: () => send({ type: 'dismissPageError' }) });
  if (!error) return null;
  return (
    <section aria-labelledby="page-error-title" className="notices">
      <h2 id="page-error-title">Mail page</h2>
      <p className="error" data-testid="page-error">
        {error.source}: {error.message}
        <span className="muted"> · {new Date(error.at).toLocaleString()}</span>
      </p>
      <button type="button" data-testid="page-error-dismiss" onClick={() => dismiss.mutate()}>
        Dismiss
      </button>
    </section>
  );
}
