// The process people run: prepares the database, then serves Next.js behind a small Node front
// that stamps each request with the client's address (hashed downstream, never stored).
import { createServer } from "node:http";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import next from "next";
import { config } from "@/lib/config";
import { getDbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { seedCatalog } from "@/db/seed";
import { CLIENT_IP_HEADER, resolveClientIp } from "@/lib/reports/client-ip";
import { pruneCooldowns } from "@/lib/reports/ingest";
import { seedDemoIfEmpty, startDemoTraffic } from "@/lib/simulate/demo";
import { runTick } from "@/lib/incidents/tick";

const TICK_MS = 30_000;

const dev = process.argv.includes("--dev");
const log = (msg: string) => console.log(`[outage-radar] ${msg}`);

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
  if (!cfg.demo) return { handle, stopDemo: async () => {} };

  const now = new Date();
  await seedDemoIfEmpty(handle.db, {
    seed: cfg.DEMO_SEED,
    cooldownMinutes: cfg.REPORT_COOLDOWN_MINUTES,
    now,
    days: cfg.DEMO_HISTORY_DAYS,
    log,
  });
  const stopDemo = startDemoTraffic(handle.db, {
    seed: cfg.DEMO_SEED,
    cooldownMinutes: cfg.REPORT_COOLDOWN_MINUTES,
    from: now,
    intervalMs: 5_000,
    onError: (e) => console.error("[outage-radar] demo traffic failed:", e),
  });
  log("demo traffic: on (set DEMO=off to stop simulated reports)");
  return { handle, stopDemo };
}

async function main() {
  const cfg = config();
  if (!dev) ensureBuild();
  const { handle, stopDemo } = await prepareDatabase();
  // Every instance ticks; the advisory lock inside the tick lets exactly one of them evaluate.
  let ticking: Promise<unknown> | null = null;
  const detector = setInterval(() => {
    if (ticking) return;
    ticking = runTick(handle.db)
      .then((s) => {
        if (s.opened || s.escalated || s.resolved)
          log(`detector: opened ${s.opened}, escalated ${s.escalated}, resolved ${s.resolved}`);
      })
      .catch((e) => console.error("[outage-radar] detector tick failed:", e))
      .finally(() => (ticking = null));
  }, TICK_MS);
  detector.unref();
  const maintenance = setInterval(() => {
    pruneCooldowns(handle.db, cfg.REPORT_COOLDOWN_MINUTES).catch((e) =>
      console.error("[outage-radar] prune failed:", e),
    );
  }, 10 * 60_000);
  maintenance.unref();

  const app = next({ dev, dir: process.cwd(), hostname: cfg.HOST, port: cfg.PORT });
  await app.prepare();
  const handle_ = app.getRequestHandler();
  const server = createServer((req, res) => {
    // Whatever the client sent under this name is replaced: only this front decides it.
    req.headers[CLIENT_IP_HEADER] = resolveClientIp(req.socket.remoteAddress, req.headers, cfg.CLIENT_IP_HEADER);
    void handle_(req, res);
  });
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
    await closed;
    clearInterval(maintenance);
    clearInterval(detector);
    await ticking;
    await handle.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  console.error("[outage-radar] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
