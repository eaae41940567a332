/**
 * User Timing marks that `npm run bench` reads from the Gmail page (bench/sidebar-open.ts).
 * A mark costs microseconds, so they ship in every build.
 */
export const MARKS = {
  /** The adapter delivered an opened thread to the sidebar feature. */
  threadOpened: 'sidedesk:thread-opened',
  /** The sidebar's first frame with the conversation's data is on screen. */
  sidebarPainted: 'sidedesk:sidebar-painted',
} as const;

/** Marks `name` after the frame being drawn now is painted: rAF runs before the paint. */
export function markAfterPaint(name: string) {
  requestAnimationFrame(() => setTimeout(() => performance.mark(name)));
}
