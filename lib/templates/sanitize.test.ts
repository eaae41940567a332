import { describe, expect, it } from 'vitest';
import { fetchesRemote, isAllowedImageSource } from './sanitize';

// The DOMPurify pass itself needs a browser DOM; tests/e2e/gmail-queues-templates.spec.ts
// checks it on a real draft. These are the rules the hook applies.
describe('template sanitising rules', () => {
  it('keeps only inline raster images', () => {
    expect(isAllowedImageSource('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isAllowedImageSource(' data:image/gif;base64,R0lGOD lhAQ== ')).toBe(true);
    expect(isAllowedImageSource('https://tracker.example/pixel.gif')).toBe(false);
    expect(isAllowedImageSource('//tracker.example/pixel.gif')).toBe(false);
    expect(isAllowedImageSource('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isAllowedImageSource('data:text/html;base64,PGI+')).toBe(false);
    expect(isAllowedImageSource('data:image/png;base64,AAA"onerror="x')).toBe(false);
  });

  it('drops styles that fetch', () => {
    expect(fetchesRemote('background: URL( https://x.example/a.png )')).toBe(true);
    expect(fetchesRemote('@import "https://x.example/a.css"')).toBe(true);
    expect(fetchesRemote('background-image: image-set("a.png" 1x)')).toBe(true);
    expect(fetchesRemote('color: red; font-weight: bold')).toBe(false);
  });
});
