import { useLayoutEffect } from 'react';
import { MARKS, markAfterPaint } from '../../lib/perf-marks';

/** Rendered beside the sidebar once it has data: marks that first paint for the bench. */
export function PaintedMark() {
  useLayoutEffect(() => markAfterPaint(MARKS.sidebarPainted), []);
  return null;
}
