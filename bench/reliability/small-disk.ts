import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A small disk of the fault tests' own: a tmpfs mounted on a fresh folder, so filling it up touches
 * nothing else on the machine. Mounting needs root (as the CI and the workplace machines run); the
 * caller is told plainly when it cannot.
 */
export class SmallDisk {
  readonly dir: string;
  private mounted = false;
  private readonly filler: string;

  constructor(private readonly megabytes: number) {
    this.dir = mkdtempSync(path.join(tmpdir(), "outage-radar-disk-"));
    this.filler = path.join(this.dir, "filler");
  }

  mount(): void {
    if (process.getuid?.() !== 0) throw new Error("the disk-full scenario mounts a tmpfs, which needs root");
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${this.megabytes}m,mode=0700`, "tmpfs", this.dir]);
    this.mounted = true;
  }

  freeBytes(): number {
    const s = statfsSync(this.dir);
    return Number(s.bavail) * Number(s.bsize);
  }

  /** Writes a file until the disk refuses (ENOSPC); returns the bytes written. */
  fill(): number {
    const fd = openSync(this.filler, "a");
    const chunk = Buffer.alloc(1 << 20, 0xff);
    let written = 0;
    try {
      for (;;) {
        // Smaller and smaller writes, down to one block, so nothing at all is left.
        const n = writeSync(fd, chunk, 0, Math.min(chunk.length, Math.max(4096, this.freeBytes())));
        written += n;
        if (n === 0) break;
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
    } finally {
      closeSync(fd);
    }
    return written;
  }

  /** Frees the space again. */
  empty(): void {
    rmSync(this.filler, { force: true });
  }

  destroy(): void {
    if (this.mounted) {
      // A server that still holds files there would keep the mount busy: detach it lazily.
      execFileSync("umount", ["-l", this.dir]);
      this.mounted = false;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
