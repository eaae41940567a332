// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { AUTOMATION_AUTHOR_ID, type Note } from '../../lib/schema';
import { member } from '../../lib/testing/records';
import { Notes } from './Notes';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ana = member('00000000-0000-4000-8000-000000000001', 'Ana Agent', 'agent');
const ben = member('00000000-0000-4000-8000-000000000002', 'Ben Lead', 'lead');
const now = Date.parse('2026-01-05T10:00:00.000Z');

const note = (n: number, authorId: string, body: string, mentions: string[] = []): Note => ({
  id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  conversationId: 'c1',
  authorId,
  body,
  mentions,
  createdAt: '2026-01-05T09:55:00.000Z',
  version: 3,
});

let container: HTMLElement | null = null;
let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  container = null;
  root = null;
});

function render(notes: Note[]) {
  container = document.body.appendChild(document.createElement('div'));
  const mounted = createRoot(container);
  root = mounted;
  act(() =>
    mounted.render(
      <Notes
        notes={notes}
        members={[ana, ben]}
        me={ana}
        addNote={async () => null}
        run={() => {}}
        now={now}
      />,
    ),
  );
  return [...container.querySelectorAll('[data-testid="notes"] .note')].map((li) => ({
    author: li.querySelector('.note-meta strong')?.textContent,
    mentions: [...li.querySelectorAll('mark.mention')].map((m) => m.textContent),
  }));
}

describe('the sidebar’s notes', () => {
  it('name a rule’s note "Sidedesk automation", and the others by their author', () => {
    expect(
      render([
        note(1, AUTOMATION_AUTHOR_ID, 'VIP: a VIP wrote', [ana.id]),
        note(2, ben.id, '@Ana Agent please check', [ana.id]),
        note(3, ana.id, 'On it'),
        note(4, '00000000-0000-4000-8000-000000000009', 'Old note'),
      ]),
    ).toEqual([
      { author: 'Sidedesk automation', mentions: [] },
      { author: 'Ben Lead', mentions: ['@Ana Agent'] },
      { author: 'You', mentions: [] },
      { author: 'A former member', mentions: [] },
    ]);
  });
});
