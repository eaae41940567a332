import { describe, expect, it } from 'vitest';
import { AUTOMATION_AUTHOR_ID } from '../schema';
import { member } from '../testing/records';
import { noteAuthorName } from './note-author';

const ana = member('00000000-0000-4000-8000-000000000001', 'Ana', 'agent');
const ben = member('00000000-0000-4000-8000-000000000002', 'Ben', 'lead');

describe('a note author', () => {
  it('is you, a teammate by name, or a former member', () => {
    expect(noteAuthorName(ana.id, [ana, ben], ana.id)).toBe('You');
    expect(noteAuthorName(ben.id, [ana, ben], ana.id)).toBe('Ben');
    expect(noteAuthorName('00000000-0000-4000-8000-000000000009', [ana], ana.id)).toBe(
      'A former member',
    );
  });

  it('is Sidedesk automation for the notes rules and incidents write', () => {
    expect(noteAuthorName(AUTOMATION_AUTHOR_ID, [ana, ben], ana.id)).toBe('Sidedesk automation');
    expect(noteAuthorName(AUTOMATION_AUTHOR_ID, [], null)).toBe('Sidedesk automation');
  });
});
