// The process people run (`npm start`, `npm run dev`): builds if needed, prepares the database, then
// serves Next.js behind Outage Radar's own Node front, in one process or a cluster of workers.
// server/README.md maps every request path to the code that answers it.
import cluster from "node:cluster";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { getDbHandle } from "@/lib/db";
import { migrateDb } from "@/db/migrate";
import { seedCatalog } from "@/db/seed";
import { config } from "@/lib/config";
import { readyReportPartitions } from "@/lib/reports/partitions";
import { bootstrapToken, bootstrapTokenFile } from "@/lib/admin/bootstrap-token";
import { logError } from "@/lib/text/error-text";
import { runCluster } from "./cluster";
import { startDemo } from "./jobs/demo-traffic";
import { log } from "./log";
import { serve } from "./serve";
import { sealStoredWebhookSecrets } from "@/lib/webhooks/secrets";
import { reporterSecret } from "@/lib/secrets/reporter-secret";

const dev = process.argv.includes("--dev");
// A log reader that went away (a closed pipe) must not take the server down with it: without this,
// every worker died at its first log line, and the primary started another, forever.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

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

/** Migrations, the catalog, this week's report partitions, and (with DEMO on) demo data and traffic. */
async function prepareDatabase() {
  const cfg = config();
  const handle = getDbHandle();
  log(cfg.DATABASE_URL ? "database: Postgres server (DATABASE_URL)" : `database: embedded PGlite in ${cfg.DATA_DIR}`);
  await migrateDb(handle, cfg.DATABASE_URL);
  const count = await seedCatalog(handle.db);
  log(`catalog: ${count} services`);
  reporterSecret(); // with DATABASE_URL, stops here when REPORTER_SECRET is missing
  const sealed = await sealStoredWebhookSecrets(handle.db);
  if (sealed) log(`webhooks: ${sealed} signing secrets sealed with the webhook key`);
  const created = await readyReportPartitions(handle.db);
  if (created.length) log(`report partitions: ${created.length} created`);
  // The embedded demo makes its own bootstrap token; the log says where, never what.
  const tokenFile = bootstrapTokenFile(cfg);
  if (tokenFile && bootstrapToken(cfg))
    log(`moderator console: /admin, first sign-in with the token in ${path.relative(process.cwd(), tokenFile)}`);
  const demo = cfg.demo ? await startDemo(handle, cfg, log) : null;
  return { handle, demo };
}

async function main() {
  const cfg = config();
  if (cluster.isWorker) return serve(getDbHandle(), null, dev);
  if (!dev) ensureBuild();
  const { handle, demo } = await prepareDatabase();
  if (cfg.WEB_CONCURRENCY > 1) return runCluster(cfg.WEB_CONCURRENCY, demo);
  return serve(handle, demo, dev);
}

main().catch((error) => {
  logError("failed to start", error);
  process.exit(1);
});
