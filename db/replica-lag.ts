/**
 * How stale a streaming replica is, measured without comparing two servers' clocks: every probe
 * notes the primary's WAL position and when this process read it. A replica that has replayed
 * the position read at time t holds every transaction committed before t, so its data is at most
 * `now - t` old. The bound is exact to within the interval between readings, and an idle primary (no new WAL)
 * never looks like lag, as `now() - pg_last_xact_replay_timestamp()` does.
 */
export class ReplicaLag {
  private samples: { lsn: bigint; at: number }[] = [];

  /** `keepMs`: how far back positions are remembered; a replica further behind reads as "at least that". */
  constructor(private readonly keepMs: number) {}

  /** The primary's WAL position, read at `at` (ms, any monotonic clock). */
  notePrimary(lsn: bigint, at: number): void {
    this.samples.push({ lsn, at });
    while (this.samples.length > 1 && this.samples[0]!.at < at - this.keepMs) this.samples.shift();
  }

  /**
   * Milliseconds of commits the replica may be missing, given the position it has replayed; with
   * no position of the primary known yet, null (unknown, so not to be read from).
   */
  stalenessMs(replayed: bigint, now: number): number | null {
    for (let i = this.samples.length - 1; i >= 0; i--) {
      const s = this.samples[i]!;
      if (s.lsn <= replayed) return Math.max(0, now - s.at);
    }
    const oldest = this.samples[0];
    // Behind every position remembered: at least as old as the oldest of them, and still catching up.
    return oldest ? Math.max(now - oldest.at, this.keepMs) : null;
  }
}

/** A WAL position as Postgres prints it (`16/B374D848`: high and low 32 bits in hex). */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim());
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}
