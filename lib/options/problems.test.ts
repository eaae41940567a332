import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: {} }));

import { MessageFailed } from '../messaging';
import { describeProblem, isOffline, issueAt, shouldRetry } from './problems';
import { ApiProblem } from './relay';

describe('problems the options page shows', () => {
  it('tell an unreachable API from a refusal, in the API’s words', () => {
    const offline = new MessageFailed('network', 'cannot reach http://127.0.0.1:1');
    const refused = new ApiProblem(409, 'conflict', 'The team has 2 template(s)', [], null);
    expect(isOffline(offline)).toBe(true);
    expect(isOffline(refused)).toBe(false);
    expect(describeProblem(offline)).toMatch(/^Offline/);
    expect(describeProblem(refused)).toBe('The team has 2 template(s)');
  });

  it('find the API’s message about one field', () => {
    const issues = [{ path: 'mailboxes.1', message: 'Invalid email address' }];
    const refused = new ApiProblem(400, 'invalid_body', 'Invalid request body', issues, null);
    expect(issueAt(refused, 'mailboxes')).toBe('Invalid email address');
    expect(issueAt(refused, 'name')).toBeUndefined();
    expect(issueAt(new Error('x'), 'name')).toBeUndefined();
  });
});

describe('retrying a failed read', () => {
  it('happens only for failures without an answer, twice', () => {
    const refused = new ApiProblem(403, 'forbidden', 'Admins only', [], null);
    expect(shouldRetry(0, refused)).toBe(false);
    expect(shouldRetry(0, new MessageFailed('network', 'down'))).toBe(false);
    expect(shouldRetry(1, new MessageFailed('failed', 'worker restarted'))).toBe(true);
    expect(shouldRetry(2, new MessageFailed('failed', 'worker restarted'))).toBe(false);
  });
});
