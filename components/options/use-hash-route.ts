import { useSyncExternalStore } from 'react';
import { type Section, type SectionId, sectionFromHash } from '../../lib/options/sections';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The section the location hash names (`#/tags`), among those the role may open. */
export function useHashRoute(allowed: readonly Section[]): SectionId {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return sectionFromHash(hash, allowed);
}
