import { describe, expect, it } from 'vitest';
import { member } from '../testing/records';
import { insertMention, mentionedIds, mentionQuery, noteSegments } from './mentions';

const ana = member('00000000-0000-4000-8000-000000000001', 'Ana', 'agent');
const anaAgent = member('00000000-0000-4000-8000-000000000002', 'Ana Agent', 'agent');
const leo = member('00000000-0000-4000-8000-000000000003', 'Leo Lead', 'lead');

describe('@mentions in notes', () => {
  it('finds the @word being typed at the caret', () => {
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('ask @le', 7)).toEqual({ start: 4, query: 'le' });
    expect(mentionQuery('ask @le now', 11)).toBeNull();
    expect(mentionQuery('mail@acme', 9)).toBeNull();
    expect(mentionQuery('ask @le now', 7)).toEqual({ start: 4, query: 'le' });
  });

  it('puts the picked member in place of the query', () => {
    expect(insertMention('ask @le now', 7, 4, leo)).toEqual({
      text: 'ask @Leo Lead  now',
      caret: 14,
    });
  });

  it('keeps only the mentions still in the body, once each', () => {
    expect(mentionedIds('@Leo Lead and @Leo Lead', [leo, ana, leo])).toEqual([leo.id]);
    expect(mentionedIds('nobody', [leo])).toEqual([]);
  });

  it('splits a note into text and highlighted mentions, longest name first', () => {
    expect(noteSegments('Hi @Ana Agent, cc @Leo Lead.', [ana, anaAgent, leo])).toEqual([
      { text: 'Hi ' },
      { text: '@Ana Agent', mention: anaAgent.id },
      { text: ', cc ' },
      { text: '@Leo Lead', mention: leo.id },
      { text: '.' },
    ]);
    expect(noteSegments('@Ana', [ana])).toEqual([{ text: '@Ana', mention: ana.id }]);
    expect(noteSegments('mail me @ home', [ana])).toEqual([{ text: 'mail me @ home' }]);
  });
});
