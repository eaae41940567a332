import { describe, expect, it } from 'vitest';
import type { CopilotEvent } from '../schema';
import {
  type DraftAction,
  type DraftState,
  draftHtml,
  draftReducer,
  errorText,
  IDLE,
  insertOutcome,
  isBusy,
} from './copilot-draft';

const run = (actions: DraftAction[], from: DraftState = IDLE) => actions.reduce(draftReducer, from);
const event = (e: CopilotEvent): DraftAction => ({ type: 'event', event: e });
const prompt = event({ type: 'prompt', provider: 'offline', model: null, messages: null });
const sources = event({
  type: 'sources',
  sources: [{ kind: 'template', id: 't1', title: 'Damaged order', reason: 'matches “damaged”' }],
});
const text = (delta: string) => event({ type: 'text', delta });
const streamed = run([
  { type: 'start', task: 'draft' },
  { type: 'read', unread: 0 },
  prompt,
  sources,
  text('Hi Maria,'),
  text(' sorry.'),
]);

describe('the copilot draft panel', () => {
  it('streams the answer into the text, with its sources and prompt', () => {
    expect(streamed).toMatchObject({
      phase: 'streaming',
      text: 'Hi Maria, sorry.',
      generated: 'Hi Maria, sorry.',
      edited: false,
      prompt: { provider: 'offline', messages: null },
    });
    expect(streamed.sources).toHaveLength(1);
    expect(isBusy(streamed)).toBe(true);
    expect(run([event({ type: 'done' })], streamed).phase).toBe('done');
  });

  it('keeps what the agent typed when the request fails, times out or is stopped', () => {
    const typed = run([{ type: 'edit', text: 'Hi Maria, so sorry! I typed this.' }], streamed);
    for (const failure of [
      event({ type: 'error', code: 'timeout', message: 'no answer' }),
      { type: 'fail', code: 'cancelled', message: 'Stopped.' } as const,
      { type: 'fail', code: 'network', message: 'port closed' } as const,
    ]) {
      const after = run([failure], typed);
      expect(after.phase).toBe('failed');
      expect(after.text).toBe('Hi Maria, so sorry! I typed this.');
    }
  });

  it('keeps edited text on retry, the new answer streaming below it', () => {
    const failed = run(
      [
        { type: 'edit', text: 'My own opening.' },
        event({ type: 'error', code: 'network', message: 'x' }),
      ],
      streamed,
    );
    const retried = run(
      [{ type: 'start', task: 'draft' }, { type: 'read', unread: 0 }, prompt, text('New answer.')],
      failed,
    );
    expect(retried.text).toBe('My own opening.\n\nNew answer.');
    expect(retried.error).toBeNull();
  });

  it('replaces an unedited answer on retry', () => {
    const retried = run(
      [{ type: 'start', task: 'draft' }, { type: 'read', unread: 0 }, prompt, text('Again.')],
      streamed,
    );
    expect(retried.text).toBe('Again.');
  });

  it('records accepted when inserted unchanged, edited otherwise', () => {
    const done = run([event({ type: 'done' })], streamed);
    expect(insertOutcome(done)).toBe('accepted');
    expect(insertOutcome(run([{ type: 'edit', text: 'Hi Maria, sorry. ' }], done))).toBe(
      'accepted',
    );
    expect(insertOutcome(run([{ type: 'edit', text: 'Hi Maria, very sorry.' }], done))).toBe(
      'edited',
    );
  });

  it('ignores events after the request ended', () => {
    const done = run([event({ type: 'done' })], streamed);
    expect(run([text(' more')], done).text).toBe('Hi Maria, sorry.');
    expect(run([{ type: 'fail', code: 'network', message: 'late' }], done).phase).toBe('done');
  });

  it('explains each failure in words', () => {
    expect(errorText({ code: 'timeout', message: 'after 30 s' })).toBe(
      'The copilot took too long to answer. after 30 s',
    );
    expect(errorText({ code: 'cancelled', message: 'Stopped.' })).toBe('Stopped.');
  });
});

describe('the draft as reply HTML', () => {
  it('escapes everything and keeps paragraphs and line breaks', () => {
    expect(draftHtml('Hi <b>Maria</b> & co,\n\nLine 1\nLine 2\n')).toBe(
      '<p>Hi &lt;b&gt;Maria&lt;/b&gt; &amp; co,</p><p>Line 1<br>Line 2</p>',
    );
  });
});
