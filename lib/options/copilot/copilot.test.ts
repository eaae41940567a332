import { describe, expect, it } from 'vitest';
import type { CopilotSettings } from '../../schema';
import { RelayRequest } from '../../schema/messages';
import { copilotPatch, copilotProblems, draftOf, whereThreadsGo } from './copilot';

const offline: CopilotSettings = {
  provider: 'offline',
  baseUrl: null,
  model: null,
  keySet: false,
  redactPii: true,
  externalAllowed: false,
};
const openai: CopilotSettings = {
  provider: 'openai-compatible',
  baseUrl: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  keySet: true,
  redactPii: true,
  externalAllowed: true,
};

describe('the copilot settings form', () => {
  it('sends only what changed, and nothing when nothing did', () => {
    expect(copilotPatch(offline, draftOf(offline))).toBeNull();
    expect(
      copilotPatch(offline, {
        ...draftOf(offline),
        provider: 'openai-compatible',
        baseUrl: ' http://127.0.0.1:9999/v1 ',
        model: 'local-model',
        externalAllowed: true,
        key: { action: 'replace', apiKey: ' sk-test ' },
      }),
    ).toEqual({
      provider: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:9999/v1',
      model: 'local-model',
      externalAllowed: true,
      apiKey: 'sk-test',
    });
  });

  it('never sends the key unless replaced, and clears it only when one is set', () => {
    expect(copilotPatch(openai, { ...draftOf(openai), redactPii: false })).toEqual({
      redactPii: false,
    });
    expect(copilotPatch(openai, { ...draftOf(openai), key: { action: 'clear' } })).toEqual({
      apiKey: null,
    });
    expect(copilotPatch(offline, { ...draftOf(offline), key: { action: 'clear' } })).toBeNull();
  });

  it('says what is missing or wrong, per field', () => {
    expect(copilotProblems(draftOf(offline))).toEqual({});
    expect(copilotProblems({ ...draftOf(offline), provider: 'openai-compatible' })).toEqual({
      baseUrl: expect.stringMatching(/needs its base URL/),
      model: expect.stringMatching(/Name the model/),
    });
    expect(copilotProblems({ ...draftOf(openai), baseUrl: 'ftp://x' }).baseUrl).toMatch(/https:/);
    expect(
      copilotProblems({ ...draftOf(openai), key: { action: 'replace', apiKey: '  ' } }).apiKey,
    ).toMatch(/Paste the new key/);
  });

  it('tells where threads go', () => {
    expect(whereThreadsGo(offline)).toMatch(/no thread leaves/);
    expect(whereThreadsGo({ ...openai, externalAllowed: false })).toMatch(/not allowed/);
    expect(whereThreadsGo(openai)).toBe(
      'When an agent asks, the thread is sent to gpt-4o-mini at api.openai.com.',
    );
  });
});

describe('the relay to the copilot settings', () => {
  it('reaches the settings, never the worker’s credentials (the key)', () => {
    const path = (p: string) => RelayRequest.safeParse({ method: 'GET', path: p }).success;
    expect(path('/v1/copilot/settings')).toBe(true);
    expect(path('/v1/copilot/credentials')).toBe(false);
    expect(path('/v1/copilot/settings/../credentials')).toBe(false);
  });
});
