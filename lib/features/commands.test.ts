import { describe, expect, it, vi } from 'vitest';
import { createCommands } from './commands';

describe('commands', () => {
  it('runs the newest live handler, and falls back when it goes away', () => {
    const commands = createCommands();
    const first = vi.fn();
    const second = vi.fn();
    const secondOpen = new AbortController();
    commands.register('take', first, new AbortController().signal);
    commands.register('take', second, secondOpen.signal);
    expect(commands.run('take')).toBe(true);
    expect(second).toHaveBeenCalledTimes(1);
    secondOpen.abort();
    commands.run('take');
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('says when nothing can handle a command', () => {
    const commands = createCommands();
    const gone = new AbortController();
    gone.abort();
    commands.register('close', vi.fn(), gone.signal);
    expect(commands.run('close')).toBe(false);
    expect(commands.run('template')).toBe(false);
  });
});
