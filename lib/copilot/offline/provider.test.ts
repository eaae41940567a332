import { describe, expect, it } from 'vitest';
import { contextFor } from '../../testing/copilot-corpus';
import { CopilotError } from '../provider';
import { draftReply } from './draft';
import { offlineProvider } from './provider';

const context = contextFor({
  subject: 'Parcel late',
  from: 'Hannah Lee <hannah@example.com>',
  body: 'My order has not arrived and the tracking has not moved for a week.',
});

async function collect(text: AsyncIterable<string>) {
  const pieces: string[] = [];
  for await (const piece of text) pieces.push(piece);
  return pieces;
}

describe('offlineProvider', () => {
  it('is the offline kind with no model and no prompt', async () => {
    expect([offlineProvider.kind, offlineProvider.model]).toEqual(['offline', null]);
    const answer = await offlineProvider.draft(context, new AbortController().signal);
    expect(answer.prompt).toBeNull();
    expect(answer.sources[0]).toMatchObject({ kind: 'template', title: 'Where is my order' });
  });

  it('streams the draft in a few pieces that add up to it', async () => {
    const answer = await offlineProvider.draft(context, new AbortController().signal);
    const pieces = await collect(answer.text);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(draftReply(context).text);
  });

  it('streams a summary and answers triage with no prompt', async () => {
    const signal = new AbortController().signal;
    const summary = await offlineProvider.summary(context, signal);
    expect((await collect(summary.text)).join('')).toContain('1 message: Parcel late');
    const triage = await offlineProvider.triage(context, signal);
    expect(triage.prompt).toBeNull();
    expect(triage.suggestion.intent.value).toBe('shipping');
  });

  it('refuses to start once aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    for (const call of [offlineProvider.draft, offlineProvider.summary, offlineProvider.triage]) {
      await expect(call(context, controller.signal)).rejects.toEqual(
        new CopilotError('cancelled', 'The request was cancelled.'),
      );
    }
  });

  it('stops streaming when aborted mid-way', async () => {
    const controller = new AbortController();
    const answer = await offlineProvider.draft(context, controller.signal);
    const pieces: string[] = [];
    const reading = (async () => {
      for await (const piece of answer.text) {
        pieces.push(piece);
        controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'CopilotError', code: 'cancelled' });
    expect(pieces).toHaveLength(1);
  });
});
