import "server-only";
import type { DbHandle, DbSession } from "@/db/client";

/** Session advisory lock held by the instance that runs the detector. */
export const DETECTOR_LEADER_LOCK = 7_201_122;

export type DetectorRole = "leader" | "standby";

/**
 * One detector leader among any number of app instances: the instance whose own database session
 * holds the advisory lock. If that instance dies, its connection closes, the lock is released, and
 * the next instance to ask becomes the leader (each asks once per tick).
 */
export class DetectorLeadership {
  private session: DbSession | undefined;
  role: DetectorRole = "standby";

  constructor(private readonly handle: DbHandle) {}

  /** Takes or confirms leadership; a lost connection means standby until a new one wins the lock. */
  async check(): Promise<DetectorRole> {
    try {
      this.session ??= await this.handle.session();
      const [row] = await this.session.query<{ held: boolean }>(
        this.role === "leader"
          ? `select exists(select 1 from pg_locks where locktype = 'advisory' and objid = $1 and pid = pg_backend_pid() and granted) as held`
          : `select pg_try_advisory_lock($1) as held`,
        [DETECTOR_LEADER_LOCK],
      );
      this.role = row?.held ? "leader" : "standby";
    } catch {
      const lost = this.session;
      this.session = undefined;
      this.role = "standby";
      await lost?.release().catch(() => {});
    }
    return this.role;
  }

  async release(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.role = "standby";
    await session?.release();
  }
}
