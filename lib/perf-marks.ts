/**
 * User Timing marks that `npm run bench` reads from the mail page (bench/sidebar-open.ts).
 * A mark costs microseconds, so they ship in every build.
 */
export const MARKS = {
  /** The adapter delivered an opened thread to the sidebar feature. */
  threadOpened: 'sidedesk:thread-opened',
  /** The sidebar's first render with the conversation's data is in the DOM. */
  sidebarCommitted: 'sidedesk:sidebar-committed',
  /** The sidebar's first frame with the conversation's data is on screen. */
  sidebarPainted: 'sidedesk:sidebar-painted',
  /**
   * The first frame after the thread was delivered, whatever it shows: what the host's
   * own thread view costs, the baseline the sidebar's paint is compared with.
   */
  threadFrame: 'sidedesk:thread-frame',
} as const;

/**
 * Marks `name` after the frame being drawn now is painted: rAF runs before the paint. The
 * mark's detail carries the frame's time, the same for every mark of one frame.
 */
export function markAfterPaint(name: string) {
  requestAnimationFrame((frame) => setTimeout(() => performance.mark(name, { detail: { frame } })));
}
