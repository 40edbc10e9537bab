import "server-only";

/** The queue is full: the caller should answer 503 with Retry-After instead of queueing more. */
export class QueueFullError extends Error {
  constructor() {
    super("the report queue is full");
  }
}

/** The queue is draining for shutdown and takes nothing new. */
export class QueueClosedError extends Error {
  constructor() {
    super("the report queue is closed");
  }
}

/**
 * The database did not confirm a batch in time: its reports may or may not be stored, so the caller
 * should say so, and a retry with the same Idempotency-Key counts once either way.
 */
export class CommitTimeoutError extends Error {
  constructor() {
    super("the database did not confirm the batch in time");
  }
}

/** A batch is still waiting on the database past its time: nothing new is queued behind it. */
export class QueueStalledError extends Error {
  constructor() {
    super("the database is not answering");
  }
}

export interface QueueOptions {
  /** Most items one flush writes. */
  maxBatch: number;
  /** Most items waiting (not yet flushing); beyond it `submit` rejects with QueueFullError. */
  maxQueued: number;
  /** Flushes allowed to run at once (each holds one database connection). */
  maxInFlight: number;
  /**
   * How long a flush may take before its submitters are told it is unconfirmed. A database that
   * stops answering without closing the connection (a network black hole) would otherwise hold
   * every report request open for as long as the client waits.
   */
  commitTimeoutMs: number;
}

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  maxBatch: 1000,
  maxQueued: 20_000,
  maxInFlight: 1,
  commitTimeoutMs: 10_000,
};

interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit: items submitted while a flush is running wait and go together in the next one, so
 * at low load a report is written at once and under a flood hundreds share one statement and one
 * commit. Each submitter's promise settles only after its batch committed (or failed as a whole).
 */
export class GroupCommitQueue<T, R> {
  private waiting: Array<Waiting<T, R>> = [];
  private inFlight = 0;
  private closed = false;
  private idle: Array<() => void> = [];
  private scheduled = false;
  /** Flushes past their time that have not settled yet. */
  private stalled = 0;
  readonly stats = { batches: 0, items: 0, largestBatch: 0, rejectedFull: 0, timedOut: 0 };

  constructor(
    private readonly flushBatch: (items: T[]) => Promise<R[]>,
    private readonly options: QueueOptions = DEFAULT_QUEUE_OPTIONS,
  ) {}

  get queued(): number {
    return this.waiting.length;
  }

  submit(item: T): Promise<R> {
    if (this.closed) return Promise.reject(new QueueClosedError());
    if (this.stalled > 0) return Promise.reject(new QueueStalledError());
    if (this.waiting.length >= this.options.maxQueued) {
      this.stats.rejectedFull++;
      return Promise.reject(new QueueFullError());
    }
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Stops taking items and resolves once everything already accepted has been written. */
  async drain(): Promise<void> {
    this.closed = true;
    if (this.waiting.length === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    // Requests parsed in the same turn of the event loop join the same batch.
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.flush(batch);
    }
    if (this.inFlight === 0 && this.waiting.length === 0) for (const done of this.idle.splice(0)) done();
  }

  private async flush(batch: Array<Waiting<T, R>>): Promise<void> {
    let timedOut = false;
    const timer = setTimeout(() => {
      // Told now, not when (or whether) the database answers; the flush keeps its slot until then.
      timedOut = true;
      this.stalled++;
      this.stats.timedOut += batch.length;
      for (const w of batch) w.reject(new CommitTimeoutError());
      for (const w of this.waiting.splice(0)) w.reject(new QueueStalledError());
    }, this.options.commitTimeoutMs);
    timer.unref();
    try {
      const results = await this.flushBatch(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`batch of ${batch.length} returned ${results.length}`);
      this.stats.batches++;
      this.stats.items += batch.length;
      this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
      if (!timedOut) batch.forEach((w, i) => w.resolve(results[i] as R));
    } catch (error) {
      if (!timedOut) for (const w of batch) w.reject(error);
    } finally {
      clearTimeout(timer);
      if (timedOut) this.stalled--;
      this.inFlight--;
      this.pump();
    }
  }
}
