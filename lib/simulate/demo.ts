import "server-only";
import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { runTick } from "@/lib/incidents/tick";
import { services } from "@/db/schema";
import { dayOf, identify, type SaltOfDay } from "@/lib/reports/identity";
import { saltsFor } from "@/lib/reports/salts";
import { ingestReports, pruneCooldowns } from "@/lib/reports/ingest";
import { DEFAULT_RULES } from "@/lib/reports/rules";
import { ensureReportPartitions } from "@/lib/reports/partitions";
import { generateReports, type SimReport } from "./generate";
import { profileFor } from "./profiles";
import type { SimService } from "./outages";
import type { DemoScenario } from "@/lib/config";
import { scenarioOutages } from "./scenarios";
import { asnDatabase } from "@/lib/networks/asn";

const BATCH = 2_000;
/** Demo history: the baseline learns from the first days, the detector replays the rest. */
const DEMO_LEARNING_DAYS = 3;

/** The catalog as the simulator sees it. */
export async function loadSimServices(db: Db) {
  const list = await db
    .select({ id: services.id, slug: services.slug, category: services.category, symptoms: services.symptoms })
    .from(services);
  const ids = new Map(list.map((s) => [s.slug, s.id]));
  const sim: SimService[] = list.map((s) => ({
    slug: s.slug,
    symptoms: s.symptoms.map((x) => x.slug),
    profile: profileFor(s),
  }));
  return { ids, sim };
}

/** Writes simulated reports through the same hashing and ingest path as real ones. */
async function store(db: Db, reports: SimReport[], ids: Map<string, number>, cooldownMinutes: number): Promise<void> {
  const networks = await asnDatabase();
  for (let i = 0; i < reports.length; i += BATCH) {
    const batch = reports.slice(i, i + BATCH);
    // Simulated reports are hashed with the real salts of their days, like everyone's.
    const salts = new Map<number, SaltOfDay>();
    for (const r of batch)
      if (!salts.has(dayOf(r.createdAt)))
        salts.set(dayOf(r.createdAt), await saltsFor(db, r.createdAt, cooldownMinutes));
    const items = batch.map((r) => {
      const serviceId = ids.get(r.slug) as number;
      return {
        serviceId,
        symptom: r.symptom,
        country: r.country,
        subdivision: r.subdivision,
        text: r.text,
        asn: networks.lookup(r.ip)?.asn ?? null,
        ...identify(salts.get(dayOf(r.createdAt))!, r.ip, r.userAgent, serviceId, r.createdAt, cooldownMinutes),
        createdAt: r.createdAt,
      };
    });
    await ingestReports(db, items, { ...DEFAULT_RULES, cooldownMinutes });
  }
}

export interface DemoOptions {
  seed: number;
  cooldownMinutes: number;
  /** Scripted outages on top of the random ones (DEMO_SCENARIO). */
  scenarios?: readonly DemoScenario[];
  /** When the demo (and so the scenario's clock) started. */
  startedAt?: Date;
}

function scripted(opts: DemoOptions, sim: SimService[], fallback: Date) {
  return scenarioOutages(opts.scenarios, (opts.startedAt ?? fallback).getTime(), sim);
}

/** Fills `days` of history ending at `now`, a day at a time, reporting progress after each day. */
export async function seedDemoHistory(
  db: Db,
  opts: DemoOptions & { now: Date; days: number; onProgress?: (day: number, days: number, reports: number) => void },
): Promise<number> {
  const { ids, sim } = await loadSimServices(db);
  const end = opts.now.getTime();
  const start = end - opts.days * 86_400_000;
  await ensureReportPartitions(db, new Date(start), new Date(end));
  let total = 0;
  for (let day = 0; day < opts.days; day++) {
    const from = start + day * 86_400_000;
    const reports = generateReports(
      opts.seed,
      sim,
      from,
      Math.min(end, from + 86_400_000),
      scripted(opts, sim, opts.now),
    );
    await store(db, reports, ids, opts.cooldownMinutes);
    total += reports.length;
    opts.onProgress?.(day + 1, opts.days, total);
  }
  await pruneCooldowns(db, opts.cooldownMinutes, opts.now);
  return total;
}

/** Keeps simulated reports arriving while the demo runs; returns a function that stops it. */
export function startDemoTraffic(
  db: Db,
  opts: DemoOptions & { from: Date; intervalMs: number; onError: (e: unknown) => void },
) {
  let last = opts.from.getTime();
  let running: Promise<void> = Promise.resolve();
  const servicesPromise = loadSimServices(db);
  const timer = setInterval(() => {
    running = running
      .then(async () => {
        const now = Date.now();
        if (now <= last) return;
        const { ids, sim } = await servicesPromise;
        await store(
          db,
          generateReports(opts.seed, sim, last, now, scripted(opts, sim, opts.from)),
          ids,
          opts.cooldownMinutes,
        );
        last = now;
      })
      .catch(opts.onError);
  }, opts.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Demo data for an empty database: `days` of simulated history, then the detector replays it (the
 * first few days only teach the baselines), so past simulated outages become real incidents.
 * Does nothing when the database already has reports. Returns the number of reports seeded.
 */
export async function seedDemoIfEmpty(
  db: Db,
  opts: DemoOptions & { now: Date; days: number; log: (message: string) => void },
): Promise<number> {
  const [existing] = await rows<{ any: boolean }>(db, sql`select exists(select 1 from reports) as any`);
  if (existing?.any || opts.days <= 0) return 0;
  const started = Date.now();
  const total = await seedDemoHistory(db, {
    ...opts,
    onProgress: (day, days, reports) =>
      opts.log(`seeding demo history: day ${day}/${days}, ${reports.toLocaleString("en")} reports`),
  });
  opts.log(
    `demo history ready: ${total.toLocaleString("en")} reports in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const replayed = Date.now();
  const learning = Math.min(DEMO_LEARNING_DAYS, opts.days - 1);
  const summary = await runTick(
    db,
    opts.now,
    undefined,
    new Date(opts.now.getTime() - (opts.days - learning) * 86_400_000),
  );
  opts.log(
    `detector replayed the demo history: ${summary.opened} incidents (${((Date.now() - replayed) / 1000).toFixed(1)} s)`,
  );
  return total;
}
