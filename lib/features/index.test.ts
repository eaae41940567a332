import { describe, expect, it, vi } from 'vitest';
import type { MailHost } from '../hosts/types';
import type { Background } from './background';
import { createCommands } from './commands';
import { type Feature, type FeatureContext, startFeatures } from './index';

const base = { host: {} as MailHost, background: {} as Background, commands: createCommands() };

function started() {
  const contexts = new Map<string, FeatureContext>();
  const feature = (name: string, init?: (c: FeatureContext) => void | Promise<void>): Feature => ({
    name,
    init: (c) => {
      contexts.set(name, c);
      return init?.(c);
    },
  });
  return { contexts, feature };
}

describe('the feature manager', () => {
  it('stops and reports a feature that fails to start, and keeps the others running', async () => {
    const { contexts, feature } = started();
    const reporter = vi.fn();
    startFeatures(
      [
        feature('throws', () => {
          throw new Error('selector gone');
        }),
        feature('rejects', async () => {
          throw new Error('not loaded');
        }),
        feature('fine'),
      ],
      base,
      reporter,
      new AbortController().signal,
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(reporter.mock.calls).toEqual([
      ['throws', new Error('selector gone')],
      ['rejects', new Error('not loaded')],
    ]);
    expect(contexts.get('throws')?.signal.aborted).toBe(true);
    expect(contexts.get('rejects')?.signal.aborted).toBe(true);
    expect(contexts.get('fine')?.signal.aborted).toBe(false);
  });

  it('reports a running feature’s problem once, without stopping it', () => {
    const { contexts, feature } = started();
    const reporter = vi.fn();
    startFeatures([feature('sidebar')], base, reporter, new AbortController().signal);
    const context = contexts.get('sidebar');
    context?.report(new Error('half-read thread'));
    context?.report(new Error('again'));
    expect(reporter).toHaveBeenCalledTimes(1);
    expect(context?.signal.aborted).toBe(false);
  });

  it('stops every feature when the page goes away', () => {
    const { contexts, feature } = started();
    const page = new AbortController();
    startFeatures([feature('a'), feature('b')], base, vi.fn(), page.signal);
    page.abort();
    expect([...contexts.values()].map((c) => c.signal.aborted)).toEqual([true, true]);
  });
});
