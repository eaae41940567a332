import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../tests/e2e/harness/paths';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'gmail');
/** The view element Gmail shows in `div.aeF > div.nH`, one per view (list, thread). */
const VIEW = '<div class="nH" style="">';
const LAYOUT_STYLE = /<style>[\s\S]*?<\/style>/;

/** The first element opened by `openTag`, up to its matching `</div>`. */
function divAt(page: string, openTag: string): string {
  const start = page.indexOf(openTag);
  if (start < 0) throw new Error(`${openTag} is not in the fixture`);
  const tags = /<div\b|<\/div>/g;
  tags.lastIndex = start;
  let depth = 0;
  for (let tag = tags.exec(page); tag; tag = tags.exec(page)) {
    depth += tag[0] === '</div>' ? -1 : 1;
    if (depth === 0) return page.slice(start, tags.lastIndex);
  }
  throw new Error(`${openTag} is not closed in the fixture`);
}

/**
 * Runs in the page, as Gmail's own routing does: on `#inbox/<id>` the inbox view is
 * hidden (and loses role=main) and a new thread view is added beside it; on `#inbox` the
 * thread view goes and the inbox shows again. InboxSDK makes a route view whenever a
 * child of `div.aeF > div.nH` appears or its style turns visible, then looks for
 * `[role=main] .g.id .a98.iY` in it for a thread view: a hash change alone does nothing.
 */
function routeLikeGmail() {
  const container = document.querySelector('div.aeF > div.nH');
  const inbox = container?.firstElementChild;
  const inboxMain = inbox?.querySelector('[role=main]');
  const thread = document.querySelector('template#bench-thread-view');
  if (!(inbox instanceof HTMLElement && inboxMain && thread instanceof HTMLTemplateElement)) {
    throw new Error('the bench page lacks its inbox view or thread template');
  }
  window.addEventListener('hashchange', () => {
    container?.querySelector(':scope > .bench-thread')?.remove();
    if (location.hash.startsWith('#inbox/')) {
      inbox.style.display = 'none';
      inboxMain.removeAttribute('role');
      const view = thread.content.firstElementChild?.cloneNode(true);
      if (view instanceof Element) container?.append(view);
    } else {
      inbox.style.display = '';
      inboxMain.setAttribute('role', 'main');
    }
  });
}

/**
 * Ana's inbox fixture that opens the order thread (thread-2026-11.html's view) in the
 * page on `#inbox/<id>` and goes back to the list on `#inbox`, the way Gmail does.
 */
export async function inboxWithThreadRoute(): Promise<string> {
  const [inbox, thread] = await Promise.all(
    ['inbox-2026-11.html', 'thread-2026-11.html'].map((f) =>
      readFile(path.join(FIXTURES, f), 'utf8'),
    ),
  );
  const threadStyle = thread?.match(LAYOUT_STYLE)?.[0];
  if (!inbox || !thread || !threadStyle) throw new Error('the Gmail fixtures are not readable');
  const threadView = divAt(thread, VIEW).replace(VIEW, '<div class="nH bench-thread">');
  const script = `<template id="bench-thread-view">${threadView}</template>\n<script>(${routeLikeGmail})()</script>\n</body>`;
  // The thread page's layout style is the inbox's plus the thread view's rules.
  return inbox.replace(LAYOUT_STYLE, threadStyle).replace('</body>', script);
}
