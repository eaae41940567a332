/** What a keyboard shortcut can ask for; the feature that can do it registers the handler. */
export type CommandName = 'take' | 'assign' | 'close' | 'snooze' | 'tag' | 'template';

export interface Commands {
  /** `run` handles the command until `signal` aborts (the thread or draft closed). */
  register(name: CommandName, run: () => void, signal: AbortSignal): void;
  /** Runs the newest live handler of `name`; false when nothing on the page can do it. */
  run(name: CommandName): boolean;
}

/** The newest registration wins: the thread or draft opened last is the one in front. */
export function createCommands(): Commands {
  const handlers = new Map<CommandName, (() => void)[]>();
  return {
    register(name, run, signal) {
      if (signal.aborted) return;
      const list = handlers.get(name) ?? [];
      list.push(run);
      handlers.set(name, list);
      signal.addEventListener(
        'abort',
        () => {
          const index = list.indexOf(run);
          if (index >= 0) list.splice(index, 1);
        },
        { once: true },
      );
    },
    run(name) {
      const run = handlers.get(name)?.at(-1);
      run?.();
      return run !== undefined;
    },
  };
}
