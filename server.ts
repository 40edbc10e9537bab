// The process people run: prepares the database, then serves Next.js behind a small Node front
// that stamps each request with the client's address (hashed downstream, never stored).
import cluster from "node:cluster";
import { createServer } from "node:http";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import next from "next";
import { config } from "@/lib/config";
import { getDbHandle, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { seedCatalog } from "@/db/seed";
import { createFront } from "@/lib/http/front";
import { createPageCache } from "@/lib/http/page-cache";
import { reportQueue } from "@/lib/reports/submit";
import { pruneCooldowns } from "@/lib/reports/ingest";
import { maintainReportPartitions } from "@/lib/reports/partitions";
import { seedDemoIfEmpty, startDemoTraffic } from "@/lib/simulate/demo";
import { runTick } from "@/lib/incidents/tick";
import { DetectorLeadership } from "@/lib/incidents/leader";
import { dispatchDue } from "@/lib/webhooks/dispatch";
import { publicUrl } from "@/lib/http/public-url";
import { checkHealth } from "@/lib/http/health";
import { logError } from "@/lib/text/error-text";

const dev = process.argv.includes("--dev");
// A log reader that went away (a closed pipe) must not take the server down with it: without this,
// every worker died at its first log line, and the primary started another, forever.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}
/** How often due webhook deliveries are sent. */
const WEBHOOK_DISPATCH_MS = 5_000;
const log = (msg: string) =>
  console.log(`[outage-radar${cluster.isWorker ? ` worker ${cluster.worker?.id}` : ""}] ${msg}`);

function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0;
  const stat = statSync(dir);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(dir).map((name) => newestSource(path.join(dir, name))));
}

/** `npm start` builds when there is no build or the sources changed since the last one. */
function ensureBuild(): void {
  const buildId = path.join(".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "db", "public", "next.config.ts", "package.json", "package-lock.json"];
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (built > Math.max(...sources.map(newestSource))) return;
  log(
    built ? "sources changed since the last build: building…" : "no production build yet: building (about a minute)…",
  );
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

async function prepareDatabase() {
  const cfg = config();
  const handle = getDbHandle();
  log(cfg.DATABASE_URL ? "database: Postgres server (DATABASE_URL)" : `database: embedded PGlite in ${cfg.DATA_DIR}`);
  await migrateDb(handle, cfg.DATABASE_URL);
  const count = await seedCatalog(handle.db);
  log(`catalog: ${count} services`);
  const partitions = await maintainReportPartitions(handle.db, cfg.REPORT_RETENTION_DAYS);
  if (partitions.created.length || partitions.dropped.length)
    log(`report partitions: ${partitions.created.length} created, ${partitions.dropped.length} dropped`);
  if (!cfg.demo) return { handle, stopDemo: async () => {} };

  const now = new Date();
  await seedDemoIfEmpty(handle.db, {
    seed: cfg.DEMO_SEED,
    cooldownMinutes: cfg.REPORT_COOLDOWN_MINUTES,
    scenarios: cfg.DEMO_SCENARIO,
    startedAt: now,
    now,
    days: cfg.DEMO_HISTORY_DAYS,
    log,
  });
  const stopDemo = startDemoTraffic(handle.db, {
    seed: cfg.DEMO_SEED,
    cooldownMinutes: cfg.REPORT_COOLDOWN_MINUTES,
    scenarios: cfg.DEMO_SCENARIO,
    startedAt: now,
    from: now,
    intervalMs: 5_000,
    onError: (e) => logError("demo traffic failed", e, { stack: true }),
  });
  log("demo traffic: on (set DEMO=off to stop simulated reports)");
  if (cfg.DEMO_SCENARIO?.length) log(`demo scenario: ${cfg.DEMO_SCENARIO.join(", ")}`);
  return { handle, stopDemo };
}

/** One HTTP server: the front (report POSTs answered directly) before Next.js, plus the detector tick. */
async function serve(handle: DbHandle, stopDemo: () => Promise<void>): Promise<void> {
  const cfg = config();
  // Every instance asks each tick; the one holding the leader lock runs the detector (and the tick's
  // own transaction lock would stop a second one anyway).
  const leadership = new DetectorLeadership(handle);
  let ticking: Promise<unknown> | null = null;
  const tick = () => {
    if (ticking) return;
    ticking = leadership
      .check()
      .then(async (role) => {
        if (role !== "leader") return;
        const s = await runTick(handle.db);
        if (s.opened || s.escalated || s.resolved)
          log(`detector: opened ${s.opened}, escalated ${s.escalated}, resolved ${s.resolved}`);
      })
      .catch((e) => logError("detector tick failed", e, { stack: true }))
      .finally(() => (ticking = null));
  };
  tick();
  const detector = setInterval(tick, cfg.DETECTOR_TICK_SECONDS * 1000);
  detector.unref();
  const maintenance = setInterval(() => {
    pruneCooldowns(handle.db, cfg.REPORT_COOLDOWN_MINUTES)
      .then(() => maintainReportPartitions(handle.db, cfg.REPORT_RETENTION_DAYS))
      .catch((e) => logError("maintenance failed", e, { stack: true }));
  }, 10 * 60_000);
  maintenance.unref();
  // Any instance may send webhook deliveries: rows are claimed with SKIP LOCKED, so none is sent twice at once.
  let sending: Promise<unknown> | null = null;
  const webhookSender = setInterval(() => {
    sending ??= dispatchDue(handle.db, { publicUrl: publicUrl() })
      .catch((e) => logError("webhook dispatch failed", e))
      .finally(() => (sending = null));
  }, WEBHOOK_DISPATCH_MS);
  webhookSender.unref();

  const app = next({ dev, dir: process.cwd(), hostname: cfg.HOST, port: cfg.PORT });
  await app.prepare();
  const server = createServer(
    createFront({
      db: () => handle.db,
      clientIpHeader: cfg.CLIENT_IP_HEADER,
      health: () => checkHealth(handle.db, leadership.role, reportQueue(handle.db).queued),
      next: app.getRequestHandler(),
      security: { https: cfg.PUBLIC_URL?.startsWith("https://") ?? false, dev },
      pages: dev
        ? undefined
        : {
            cache: createPageCache({
              ttlMs: cfg.PAGE_CACHE_SECONDS * 1000,
              // The live snapshot every open service page polls every 10 s.
              jsonPaths: /^\/api\/v1\/services\/[^/]+\/snapshot$/,
            }),
            regionHeaders: cfg.REGION_HEADERS,
          },
    }),
  );
  // A client may not keep a connection by trickling its headers.
  server.headersTimeout = 10_000;
  server.listen(cfg.PORT, cfg.HOST, () => log(`ready on http://localhost:${cfg.PORT}${dev ? " (development)" : ""}`));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing requests in flight, then stopping`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await stopDemo();
    // Reports already accepted are written and answered; any arriving now get 503 and Retry-After.
    await reportQueue(handle.db).drain();
    // Connections close as their last response goes out; give slow readers a few seconds.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    clearInterval(idle);
    server.closeAllConnections();
    clearInterval(maintenance);
    clearInterval(detector);
    clearInterval(webhookSender);
    await Promise.all([ticking, sending]);
    await leadership.release();
    await handle.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/**
 * With WEB_CONCURRENCY > 1 (a Postgres server only) the primary prepares the database and runs the
 * demo, and that many workers share the port, so request handling can use every core.
 */
async function runCluster(workers: number, stopDemo: () => Promise<void>): Promise<void> {
  // A report lives in a worker for one batch commit (tens of ms), longer than the young generation
  // lasts under a flood at its default size, so each got copied into the old one and collected
  // there. Young space up to 64 MB (V8 grows it only when allocation is that fast): 4–7 % less
  // worker CPU per report at 384 connections (interleaved runs, docs/scaling.md), ~100 MB more memory.
  cluster.setupPrimary({ execArgv: [...process.execArgv, "--max-semi-space-size=64"] });
  const startedAt = new Map<number, number>();
  const fork = () => startedAt.set(cluster.fork().id, Date.now());
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
    await stopDemo();
    await Promise.all(exits);
    await getDbHandle().close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

async function main() {
  const cfg = config();
  if (cluster.isWorker) return serve(getDbHandle(), async () => {});
  if (!dev) ensureBuild();
  const { handle, stopDemo } = await prepareDatabase();
  if (cfg.WEB_CONCURRENCY > 1) return runCluster(cfg.WEB_CONCURRENCY, stopDemo);
  return serve(handle, stopDemo);
}

main().catch((error) => {
  logError("failed to start", error);
  process.exit(1);
});
