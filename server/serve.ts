import path from "node:path";
import next from "next";
import type { DbHandle } from "@/db/client";
import { config } from "@/lib/config";
import { reportQueue } from "@/lib/reports/submit";
import { proxyTrust } from "./front/client-address";
import { createFront } from "./front/front";
import { createStaticAssets } from "./front/static-assets";
import { createHttpServer, DEFAULT_CONNECTION_LIMITS } from "./http-server";
import { checkHealth } from "./front/health";
import { createPageCache } from "./front/page-cache";
import { acceptLanguageLocale, prefixLocale } from "@/lib/i18n/negotiate";
import { startDetectorTick } from "./jobs/detector-tick";
import type { Job } from "./jobs/job";
import { startMaintenance } from "./jobs/maintenance";
import { startWebhookDispatch } from "./jobs/webhook-dispatch";
import { startAlertDispatch } from "./jobs/alert-dispatch";
import { startOfficialPoll } from "./jobs/official-poll";
import type { DemoJob } from "./jobs/demo-traffic";
import { log } from "./log";
import { LiveHub } from "./front/live-events";
import { createMetrics } from "./front/metrics";
import { pageCacheControl } from "@/lib/http/cache-control";
import { replicaReads } from "@/lib/db";
import { publicUrl } from "@/lib/http/public-url";
import { asnDatabase } from "@/lib/networks/asn";
import { ipRegionDatabase } from "@/lib/networks/ip-region";

/**
 * One HTTP server: the front (report POSTs and health answered directly, pages cached) before
 * Next.js, plus the scheduled jobs. Stops cleanly on SIGTERM/SIGINT: no acknowledged report is lost.
 */
export async function serve(handle: DbHandle, demo: DemoJob | null, dev: boolean): Promise<void> {
  const cfg = config();
  // Read in the background (about a second and 150 MB): until then reports carry no network operator.
  void asnDatabase();
  void ipRegionDatabase();
  const detector = startDetectorTick(handle, cfg.DETECTOR_TICK_SECONDS * 1000, log);
  const jobs: Job[] = [
    startMaintenance(handle, {
      cooldownMinutes: cfg.REPORT_COOLDOWN_MINUTES,
      retentionDays: cfg.REPORT_RETENTION_DAYS,
      logRetentionDays: cfg.LOG_RETENTION_DAYS,
    }),
    startWebhookDispatch(handle),
    startAlertDispatch(handle),
  ];
  const officialOrigin = cfg.OFFICIAL_STATUS_ORIGIN ?? demo?.officialOrigin;
  if (cfg.OFFICIAL_STATUS === "on")
    jobs.push(
      startOfficialPoll(
        handle,
        {
          intervalS: cfg.OFFICIAL_POLL_SECONDS,
          timeoutMs: 10_000,
          userAgent: `OutageRadar/0.1 (+${publicUrl()})`,
          origin: officialOrigin,
        },
        log,
      ),
    );

  // Replicas are probed from the start, so the first page is already read from one that keeps up.
  await replicaReads()?.start();
  const live = new LiveHub(handle);
  await live.start();
  const metrics = createMetrics({
    reads: () => replicaReads()?.stats(),
    detector: () => detector.leadership.role,
    queued: () => reportQueue(handle.db).queued,
  });
  // Next.js only builds URLs from hostname and port here (this process listens itself). It must be
  // "localhost", the host Next gives the proxy's request URL: a rewrite the proxy (proxy.ts) makes
  // is then same-origin and served in place, where with any other host Next 16.2.6+ takes it for an
  // outside address and answers with a redirect to the very path asked for, a loop.
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: cfg.PORT });
  await app.prepare();
  const server = createHttpServer(
    createFront({
      db: () => handle.db,
      proxies: cfg.TRUSTED_PROXIES ? proxyTrust(cfg.TRUSTED_PROXIES, cfg.CLIENT_IP_HEADER) : undefined,
      health: () =>
        checkHealth(handle.db, detector.leadership.role, reportQueue(handle.db).queued, replicaReads()?.stats()),
      metrics,
      next: app.getRequestHandler(),
      security: { https: cfg.PUBLIC_URL?.startsWith("https://") ?? false, dev },
      pages: dev
        ? undefined
        : {
            cache: createPageCache({
              ttlMs: cfg.PAGE_CACHE_SECONDS * 1000,
              // The live snapshot every open service page polls every 10 s.
              jsonPaths: /^\/api\/v1\/services\/[^/]+\/snapshot$/,
              shared: { cacheControl: pageCacheControl, regionHeaders: cfg.REGION_HEADERS },
              languageOf: (path, acceptLanguage) => (prefixLocale(path) ? null : acceptLanguageLocale(acceptLanguage)),
              onServe: (outcome) => metrics.pageServed(outcome),
            }),
            regionHeaders: cfg.REGION_HEADERS,
          },
      live,
      staticAssets: dev ? undefined : createStaticAssets(path.join(process.cwd(), ".next", "static")),
    }),
    {
      ...DEFAULT_CONNECTION_LIMITS,
      requestTimeoutMs: cfg.REQUEST_TIMEOUT_SECONDS * 1000,
      maxConnections: cfg.MAX_CONNECTIONS,
    },
  );
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
    // Open event streams end now: their browsers reconnect, to another instance if there is one.
    await live.close();
    await demo?.stop();
    // Reports already accepted are written and answered; any arriving now get 503 and Retry-After.
    await reportQueue(handle.db).drain();
    // Connections close as their last response goes out; give slow readers a few seconds.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    clearInterval(idle);
    server.closeAllConnections();
    await Promise.all([...jobs, detector].map((job) => job.stop()));
    await replicaReads()?.close();
    await handle.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
