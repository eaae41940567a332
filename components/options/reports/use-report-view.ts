import { useSyncExternalStore } from 'react';
import { hashOfView, type ReportView, viewFromHash } from '../../../lib/options/reports/view';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/**
 * The Reports view kept in the hash (`#/reports?range=7&metric=…`): a reload, the back
 * button or a shared link shows the same report.
 */
export function useReportView(): [ReportView, (next: ReportView) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const setView = (next: ReportView) => {
    window.location.hash = hashOfView(next);
  };
  return [viewFromHash(hash), setView];
}
