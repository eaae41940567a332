import { useLayoutEffect } from 'react';
import { MARKS, markAfterPaint } from '../../lib/perf-marks';

/** Rendered beside the sidebar once it has data: marks that first render and paint for the bench. */
export function PaintedMark() {
  useLayoutEffect(() => {
    performance.mark(MARKS.sidebarCommitted);
    markAfterPaint(MARKS.sidebarPainted);
  }, []);
  return null;
}
