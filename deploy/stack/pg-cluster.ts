import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A throwaway Postgres cluster (initdb and pg_ctl on a spare port) for the local stack and the fault
 * tests, so that stopping a database never touches the shared server; or a streaming replica of
 * one, made with pg_basebackup. Postgres refuses to run as root: as root, its commands run as the
 * `postgres` user.
 */
export class ThrowawayCluster {
  readonly dir: string;
  private readonly bin: string;
  private readonly asPostgres: boolean;

  constructor(readonly port: number) {
    const root = "/usr/lib/postgresql";
    const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
    if (versions.length === 0) throw new Error("no Postgres server binaries under /usr/lib/postgresql");
    this.bin = path.join(root, versions[0]!, "bin");
    this.asPostgres = process.getuid?.() === 0;
    this.dir = mkdtempSync(path.join(tmpdir(), "outage-radar-pg-"));
    if (this.asPostgres) {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
      chownSync(this.dir, uid, gid);
    }
    chmodSync(this.dir, 0o700);
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private command(tool: string, args: string[]): [string, string[]] {
    const command = path.join(this.bin, tool);
    return this.asPostgres ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  }

  /** Runs without blocking this process: the load it measures goes on meanwhile. */
  private async run(tool: string, args: string[]): Promise<void> {
    await promisify(execFile)(...this.command(tool, args));
  }

  init(): void {
    const args = ["-D", path.join(this.dir, "data"), "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"];
    execFileSync(...this.command("initdb", args), { stdio: ["ignore", "ignore", "pipe"] });
  }

  /**
   * This cluster as a streaming replica of `primary` (running): a base backup over the replication
   * protocol, with `-R` writing the standby settings, so that `start` begins streaming from it.
   */
  async initReplicaOf(primary: ThrowawayCluster): Promise<void> {
    await this.run("pg_basebackup", [
      ...["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres"],
      ...["-D", path.join(this.dir, "data"), "-R", "-X", "stream", "-c", "fast", "--no-sync"],
    ]);
  }

  /** Postgres runs detached from this process: a process that ends without `destroy` takes it along. */
  private readonly exitGuard = () => {
    try {
      execFileSync(...this.command("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", "immediate", "-w", "stop"]), {
        stdio: "ignore",
      });
    } catch {
      // not running
    }
  };

  start(): Promise<void> {
    process.off("exit", this.exitGuard);
    process.once("exit", this.exitGuard);
    const options = `-p ${this.port} -h 127.0.0.1 -k ${this.dir} -c fsync=on -c max_connections=100`;
    return this.run("pg_ctl", [
      "-D",
      path.join(this.dir, "data"),
      "-l",
      path.join(this.dir, "log"),
      "-o",
      options,
      "-w",
      "start",
    ]);
  }

  /** A fast shutdown: connections are cut, committed work is kept (as in a restart for an upgrade). */
  stop(): Promise<void> {
    return this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", "fast", "-w", "stop"]);
  }

  /** A crash: every Postgres process is killed at once, and the next start runs crash recovery. */
  crash(): Promise<void> {
    return this.run("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", "immediate", "-w", "stop"]);
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => {}); // already stopped
    process.off("exit", this.exitGuard);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
