/** A timer the server started: `stop` clears it and waits for a run in progress. */
export interface Job {
  stop(): Promise<void>;
}

/**
 * Runs `run` every `everyMs` (and once at once with `immediately`), never two runs at a time: a run
 * still going when the next is due makes that one skip. Errors are the run's to handle.
 */
export function every(everyMs: number, run: () => Promise<unknown>, opts: { immediately?: boolean } = {}): Job {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    running ??= run().finally(() => (running = null));
  };
  if (opts.immediately) tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
