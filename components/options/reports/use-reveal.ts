import { useEffect, useRef } from 'react';

/**
 * A panel opened from further down the page (a figure, a conversation): once it shows,
 * its heading scrolls into view and takes focus, as a new page would.
 */
export function useReveal(shown: boolean) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!shown) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [shown]);
  return heading;
}
