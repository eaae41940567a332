import { useSyncExternalStore } from 'react';
import { type SlaPart, slaPartFromHash } from '../../../lib/options/sla/parts';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The SLA part the hash names (`#/sla/policies`), among those shown. */
export function useSlaPart(parts: readonly { id: SlaPart }[]): SlaPart {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return slaPartFromHash(hash, parts);
}
