/** A timer the server started: `stop` clears it and waits for a run in progress. */
export interface Job {
  stop(): Promise<void>;
}
