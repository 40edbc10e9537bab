import { afterEach, describe, expect, it, vi } from "vitest";
import { every } from "./job";

describe("every", () => {
  afterEach(() => vi.useRealTimers());

  it("runs at once when asked, then on each period, never two runs at a time, and stop waits for the run", async () => {
    vi.useFakeTimers();
    let started = 0;
    let finish: () => void = () => {};
    const job = every(
      1_000,
      () =>
        new Promise<void>((resolve) => {
          started++;
          finish = resolve;
        }),
      { immediately: true },
    );
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(started).toBe(1); // the first run is still going: the due ones are skipped
    finish();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(2);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect([stopped, started]).toEqual([false, 2]); // waits for the run in progress, starts no other
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });

  it("waits a whole period before the first run unless told otherwise", async () => {
    vi.useFakeTimers();
    let started = 0;
    const job = every(1_000, async () => {
      started++;
    });
    expect(started).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(1);
    await job.stop();
  });
});
