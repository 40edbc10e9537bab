import cluster from "node:cluster";
import { getDbHandle } from "@/lib/db";
import type { DemoJob } from "./jobs/demo-traffic";
import { log } from "./log";
import { serveWorkerMetrics } from "./front/metrics";

/**
 * With WEB_CONCURRENCY > 1 (a Postgres server only) the primary prepares the database and runs the
 * demo, and that many workers share the port, so request handling can use every core.
 */
export async function runCluster(workers: number, demo: DemoJob | null): Promise<void> {
  // A report lives in a worker for one batch commit (tens of ms), longer than the young generation
  // lasts under a flood at its default size, so each got copied into the old one and collected
  // there. A young space of up to 64 MB (V8 grows it only when allocation is that fast) saves worker
  // CPU per report for ~100 MB more memory (docs/scaling.md).
  cluster.setupPrimary({ execArgv: [...process.execArgv, "--max-semi-space-size=64"] });
  serveWorkerMetrics();
  const startedAt = new Map<number, number>();
  // Workers read the demo's vendor pages, which this process serves.
  const env =
    demo?.officialOrigin && !process.env.OFFICIAL_STATUS_ORIGIN ? { OFFICIAL_STATUS_ORIGIN: demo.officialOrigin } : {};
  const fork = () => startedAt.set(cluster.fork(env).id, Date.now());
  for (let i = 0; i < workers; i++) fork();
  let stopping = false;
  // A worker that dies right after starting will die again: restart it ever more slowly, and give
  // up (exit 1, for the supervisor to see) rather than spin forking.
  let quickFailures = 0;
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    quickFailures = lived < 10_000 ? quickFailures + 1 : 0;
    if (quickFailures > 10) {
      log(`workers keep exiting at start (last: ${code}); stopping`);
      process.exit(1);
    }
    const delay = quickFailures === 0 ? 0 : Math.min(250 * 2 ** (quickFailures - 1), 10_000);
    log(`worker ${worker.process.pid} exited (${code}); starting another${delay ? ` in ${delay} ms` : ""}`);
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${workers} workers`);
    const exits = Object.values(cluster.workers ?? {}).map(
      (w) => new Promise<void>((resolve) => (w!.isDead() ? resolve() : w!.once("exit", () => resolve()))),
    );
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    await demo?.stop();
    await Promise.all(exits);
    await getDbHandle().close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
