import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  OUTLOOK_FIXTURES,
  OUTLOOK_PATHS,
  type OutlookFixture,
  SPA_SCRIPT,
} from './outlook-fixtures';

type Fixture = { stop(): void; scrollTo(index: number): void };

/**
 * Puts a fixture page in happy-dom's document at its Outlook path (the test environment's
 * origin must be https://outlook.office.com) and runs its SPA script, stopping the
 * previous page's. `scrollTo` is the script's stand-in for scrolling the virtual list.
 */
export function loadOutlookPage(
  file: OutlookFixture,
  options: { path?: string; script?: boolean } = {},
) {
  const owa = window as unknown as { owaFixture?: Fixture };
  owa.owaFixture?.stop();
  owa.owaFixture = undefined;
  const html = readFileSync(path.join(OUTLOOK_FIXTURES, file), 'utf8');
  history.replaceState(null, '', options.path ?? OUTLOOK_PATHS[file]);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  // The SPA script is run below, in this window; happy-dom must not try to fetch it.
  for (const script of parsed.querySelectorAll('script[src]')) script.remove();
  const root = document.documentElement;
  for (const name of root.getAttributeNames()) root.removeAttribute(name);
  for (const { name, value } of parsed.documentElement.attributes) root.setAttribute(name, value);
  root.replaceChildren(
    document.importNode(parsed.head, true),
    document.importNode(parsed.body, true),
  );
  if (options.script ?? file !== 'list-changed-2026-11.html') {
    new Function(readFileSync(path.join(OUTLOOK_FIXTURES, SPA_SCRIPT), 'utf8'))();
  }
  return { scrollTo: (index: number) => owa.owaFixture?.scrollTo(index) };
}

/** Lets pending mutation observers and promise callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
