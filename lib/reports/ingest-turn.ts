import cluster, { type Worker } from "node:cluster";

/**
 * One batch write at a time across the workers of an instance. Postgres's cost per report falls
 * steeply with batch size (a fixed part per statement: setting up each step, the commit), so two
 * workers writing half-size batches side by side pay more than taking turns, while the reports
 * that arrive during the other's write join the next batch. The primary hands out the turn; it is
 * only an arrangement for speed, never for correctness (the statement is safe run concurrently), so
 * a worker that does not hear back in time writes anyway.
 */
const ASK = "outage-radar:ingest-turn-ask";
const GRANT = "outage-radar:ingest-turn-grant";
const DONE = "outage-radar:ingest-turn-done";
/** Longer than any batch write under load; a primary that has not answered by then is not coming. */
const WAIT_MS = 1_000;

type Message = { type?: unknown } | null | undefined;
const isType = (message: unknown, type: string) => (message as Message)?.type === type;

/** In the primary: grants the turn to one worker at a time, in the order they asked. */
export function grantIngestTurns(): void {
  const asking: Worker[] = [];
  let holder: Worker | null = null;
  const next = () => {
    while (!holder && asking.length > 0) {
      const worker = asking.shift()!;
      if (worker.isDead()) continue;
      holder = worker;
      worker.send({ type: GRANT });
    }
  };
  cluster.on("message", (worker, message) => {
    if (isType(message, ASK)) asking.push(worker);
    else if (isType(message, DONE) && holder === worker) holder = null;
    next();
  });
  cluster.on("exit", (worker) => {
    if (holder === worker) holder = null;
    next();
  });
}

/** Waits for this worker's turn to write a batch; resolves with the function that gives it back. */
export type TakeTurn = () => Promise<() => void>;

/** In a cluster worker, how to take a turn; undefined in a process of its own. */
export function ingestTurns(): TakeTurn | undefined {
  if (!cluster.isWorker || !process.send) return undefined;
  const granted: Array<() => void> = [];
  process.on("message", (message) => {
    if (isType(message, GRANT)) granted.shift()?.();
  });
  const giveBack = () => {
    if (process.connected) process.send!({ type: DONE });
  };
  return () =>
    new Promise((resolve) => {
      if (!process.connected) return resolve(() => {});
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        resolve(() => {});
      }, WAIT_MS);
      granted.push(() => {
        // A grant that comes after the wait gave up is handed straight back.
        if (settled) return giveBack();
        settled = true;
        clearTimeout(timer);
        resolve(giveBack);
      });
      process.send!({ type: ASK });
    });
}
