import { isOffline } from '../../../lib/options/problems';
import { Problem } from '../common/Problem';
import { Empty, LoadFailed, Loading, OfflineNothingCached } from '../common/States';
import { useOpenIncidents, useResolveIncident } from './use-incidents';

const when = (at: string) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Incidents open now, each with how many conversations it holds, resolved by hand. */
export function OpenIncidents({ editable }: { editable: boolean }) {
  const incidents = useOpenIncidents();
  const resolve = useResolveIncident();
  const retry = () => void incidents.refetch();
  if (incidents.isPending) return <Loading what="incidents" />;
  if (incidents.isError) {
    return isOffline(incidents.error) ? (
      <OfflineNothingCached what="Incidents" retry={retry} />
    ) : (
      <LoadFailed what="incidents" error={incidents.error} retry={retry} />
    );
  }
  if (incidents.data.length === 0) return <Empty>No open incidents.</Empty>;
  return (
    <>
      <Problem error={resolve.error} />
      <ul className="incident-list" data-testid="open-incidents">
        {incidents.data.map((i) => (
          <li key={i.id} className="card" data-testid="incident-row" data-name={i.name}>
            <strong>{i.name}</strong>{' '}
            <span className="muted">
              open since {when(i.openedAt)} · {i.conversationIds.length} conversation
              {i.conversationIds.length === 1 ? '' : 's'}
            </span>
            {editable && (
              <button
                type="button"
                className="secondary"
                disabled={resolve.isPending}
                onClick={() => resolve.mutate(i.id)}
                data-testid="incident-resolve"
              >
                Resolve<span className="sr-only"> {i.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
