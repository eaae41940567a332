import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiProblem } from '../relay';
import { issuesOf, issueUnder, plainWords, shownIssues, withRefusal } from './issues';

describe('issues', () => {
  const Form = z.object({
    name: z.string().trim().min(1).max(5),
    count: z.number().int().positive(),
    mails: z.array(z.email()),
    time: z.string().regex(/^\d\d:\d\d$/, 'expected HH:MM'),
  });

  it('say generic problems plainly and keep the schema’s own messages', () => {
    const parsed = Form.safeParse(
      { name: ' ', count: 0, mails: ['ok@example.com', 'nope'], time: '9' },
      { error: plainWords },
    );
    expect(parsed.success).toBe(false);
    expect([...issuesOf(parsed.error!)]).toEqual([
      ['name', 'Required'],
      ['count', 'More than 0'],
      ['mails.1', 'Enter addresses like support@example.com'],
      ['time', 'expected HH:MM'],
    ]);
    const long = Form.shape.name.safeParse('abcdefg', { error: plainWords });
    expect(long.error?.issues[0]?.message).toBe('At most 5 characters');
  });

  it('add the API’s issues where the page had nothing to say', () => {
    const refusal = new ApiProblem(
      400,
      'invalid_body',
      'Invalid request body',
      [
        { path: 'name', message: 'taken' },
        { path: 'calendarId', message: 'no such calendar in this workspace' },
      ],
      null,
    );
    const merged = withRefusal(new Map([['name', 'Required']]), refusal);
    expect([...merged]).toEqual([
      ['name', 'Required'],
      ['calendarId', 'no such calendar in this workspace'],
    ]);
    expect(withRefusal(new Map(), new Error('network'))).toEqual(new Map());
  });

  it('find a list’s message under its path, and show touched fields only until a save is tried', () => {
    const issues = new Map([
      ['conditions.mailboxes.2', 'bad address'],
      ['name', 'Required'],
      ['', 'a calendar needs at least one working window'],
    ]);
    expect(issueUnder(issues, 'conditions.mailboxes')).toBe('bad address');
    expect(issueUnder(issues, 'conditions')).toBe('bad address');
    expect(issueUnder(issues, 'conditions.tags')).toBeUndefined();
    expect([...shownIssues(issues, new Set(['conditions']), false).keys()]).toEqual([
      'conditions.mailboxes.2',
    ]);
    expect(shownIssues(issues, new Set(), true)).toBe(issues);
  });
});
