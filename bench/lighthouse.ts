// npm run bench:lighthouse — Lighthouse (the npm package, driving Debian's Chromium) on the four pages
// people land on: home, a service page, the global map and an incident page, and checks each page's
// JavaScript against a budget. The production server runs on a throwaway embedded
// database with two days of demo history. Both of Lighthouse's presets run: desktop, and mobile
// (simulated slow 4G and a 4× slower CPU). Each page and preset is audited RUNS times and the median
// run is kept (Lighthouse's own computeMedianRun, as its documentation on variability advises: on
// two cores shared with the server, one run's mobile performance score moves by ±5). Prints and writes
// bench/results/lighthouse.{md,json}: per path the desktop scores, with the mobile ones under
// `mobile`, every run's performance score, and the median run's TBT and LCP. For reference, the same
// mobile audits of the smallest App Router page (bench/lighthouse-floor.ts), which says how much of
// a phone's score is the framework's start-up on this machine at this hour.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { median } from "d3-array";
import type { Result as LighthouseResult } from "lighthouse";
import { chromiumLaunchOptions } from "@/e2e/chromium";
import { startAppServer } from "@/deploy/stack/app-server";
import { startFloorPage } from "./lighthouse-floor";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
const TARGET = 95;
/**
 * Most JavaScript a page may make a visitor download (compressed), in KiB: what each needs now with
 * six languages (135–142 brotli-compressed, with messages parsed at build time so no ICU parser
 * ships, and the chart sketch drawn on the server so no d3 ships) and 3% more.
 */
const JS_BUDGET_KIB: Record<string, number> = {
  home: 140,
  service: 146,
  map: 139,
  incident: 139,
};
const PORT = 3320;
const FLOOR_PORT = 3324;
const RUNS = 5;
const log = (m: string) => console.log(`[bench:lighthouse] ${m}`);

const PRESETS = ["desktop", "mobile"] as const;
type Preset = (typeof PRESETS)[number];

/**
 * The mobile preset slows this machine's CPU 4×, so a fast hour makes a fast phone: the service
 * page's code of 7 December scored 89–93 here at a benchmark index near 2,200 (the runs committed
 * on 6 and 7 December) and 98–99 at 3,700. When the machine is faster than that, each page's
 * mobile audit runs again with the slowdown scaled to that index (4 × index / 2,200): a check, not
 * the target, that a score does not rest on a fast hour.
 */
const PACED_INDEX = 2200;

/**
 * Lighthouse's own CLI in a plain Node process: it sends functions to the page as source text, and
 * under tsx they would carry helpers the page does not have. It starts a fresh Chromium for each
 * run (a second run of the same page in one browser lost its trace: NO_NAVSTART).
 */
async function auditOnce(url: string, preset: Preset, cpuSlowdown?: number): Promise<LighthouseResult> {
  // The report goes to a file: on a runtime error the CLI exits before its output pipe drains.
  const report = path.join(tmpdir(), `outage-radar-lighthouse-${process.pid}.json`);
  rmSync(report, { force: true });
  await promisify(execFile)(
    process.execPath,
    [
      require.resolve("lighthouse/cli/index.js"),
      url,
      `--chrome-flags=${["--headless=new", ...(chromiumLaunchOptions.args ?? [])].join(" ")}`,
      "--output=json",
      `--output-path=${report}`,
      "--quiet",
      // Mobile is Lighthouse's default; "desktop" is its named preset.
      ...(preset === "desktop" ? ["--preset=desktop"] : []),
      ...(cpuSlowdown ? [`--throttling.cpuSlowdownMultiplier=${cpuSlowdown}`] : []),
      `--only-categories=${CATEGORIES.join(",")}`,
    ],
    { env: { ...process.env, NODE_OPTIONS: "", CHROME_PATH: chromiumLaunchOptions.executablePath } },
  ).catch((error: unknown) => {
    // A runtime error (exit 1) still writes the report, which says what went wrong.
    if (!existsSync(report)) throw error;
  });
  const lhr = JSON.parse(readFileSync(report, "utf8")) as LighthouseResult;
  rmSync(report, { force: true });
  return lhr;
}

/**
 * Lighthouse 12 with this Chromium now and then loses the start of its trace (NO_NAVSTART: "please
 * run Lighthouse again"); such a run is run again, up to three times, and said so.
 */
async function audit(url: string, preset: Preset, cpuSlowdown?: number): Promise<LighthouseResult> {
  for (let attempt = 1; ; attempt++) {
    const lhr = await auditOnce(url, preset, cpuSlowdown);
    if (!lhr.runtimeError || attempt === 3) return lhr;
    log(`  ${preset}: ${lhr.runtimeError.code}, running again`);
  }
}

/**
 * Loads a page and the scripts and stylesheets it names, as a browser would, and waits until the
 * front sends them brotli-compressed (made in the background after the first request; until then
 * gzip): an audit that happened to come first would otherwise weigh heavier JavaScript.
 */
async function warmUp(origin: string, page: string): Promise<void> {
  const html = await (await fetch(origin + page)).text();
  const assets = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="(\/_next\/static\/[^"]+\.(?:js|css))"/g),
  ].map((m) => m[1]!);
  const deadline = Date.now() + 30_000;
  for (const asset of new Set(assets)) {
    for (;;) {
      const res = await fetch(origin + asset, { headers: { "accept-encoding": "br, gzip" } });
      await res.arrayBuffer();
      if (res.headers.get("content-encoding") === "br" || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * The browser audited with, as it names itself ("Chromium 156.0.8078.129"): a new Chromium moves
 * the mobile scores, so a result says which one it came from.
 */
async function browserVersion(): Promise<string> {
  const { stdout } = await promisify(execFile)(chromiumLaunchOptions.executablePath!, ["--version"]);
  return stdout.match(/^\S+ [\d.]+/)?.[0] ?? stdout.trim();
}

/**
 * What a fresh page of memory costs this machine, in microseconds: 64 MiB allocated and touched
 * once per 4 KiB page. Every audit starts a fresh Chromium whose heaps and DOM fault their memory
 * in, so when faults are slow (on this shared machine they have ranged from well under a
 * microsecond to 15) a page that allocates more loses far more than the CPU benchmark index says.
 */
function pageFaultMicros(): number {
  const pages = (64 * 1024 * 1024) / 4096;
  const started = process.hrtime.bigint();
  const memory = Buffer.alloc(pages * 4096);
  for (let i = 0; i < memory.length; i += 4096) memory[i] = 1;
  return Number(process.hrtime.bigint() - started) / 1000 / pages;
}

const score = (lhr: LighthouseResult, c: Category) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
const metric = (lhr: LighthouseResult, id: string) => Math.round(lhr.audits[id]?.numericValue ?? 0);

type Scores = Record<Category, number> & {
  performance_runs: number[];
  benchmark_index: number;
  /** Of the median run: where a phone's points go (total blocking time, largest contentful paint). */
  tbt_ms: number;
  lcp_ms: number;
  /** JavaScript downloaded (compressed), in KiB. */
  js_kib: number;
};

/** A row of the results table: a page with a preset, and its JavaScript budget in brackets if any. */
function row(page: string, preset: string, s: Scores, budget?: number): string {
  const perf = `${s.performance} (${s.performance_runs.join(", ")})`;
  const js = budget === undefined ? `${s.js_kib}` : `${s.js_kib} (${budget})`;
  return `| ${page} | ${preset} | ${perf} | ${s.tbt_ms} | ${(s.lcp_ms / 1000).toFixed(1)} | ${s.accessibility} | ${s["best-practices"]} | ${s.seo} | ${js} |`;
}

/** RUNS audits of one page with one preset, and the median run (Lighthouse's computeMedianRun). */
async function auditRuns(
  url: string,
  preset: Preset,
  cpuSlowdown?: number,
): Promise<{ lhr: LighthouseResult; scores: Scores }> {
  const { computeMedianRun } = (await import("lighthouse/core/lib/median-run.js")) as {
    computeMedianRun: (runs: LighthouseResult[]) => LighthouseResult;
  };
  const runs: LighthouseResult[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const lhr = await audit(url, preset, cpuSlowdown);
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    runs.push(lhr);
    log(`  ${preset} run ${run}/${RUNS}: performance ${score(lhr, "performance")}`);
  }
  const lhr = computeMedianRun(runs);
  const items = (
    lhr.audits["resource-summary"]?.details as { items?: Array<{ resourceType: string; transferSize: number }> }
  )?.items;
  const scores = {
    ...(Object.fromEntries(CATEGORIES.map((c) => [c, score(lhr, c)])) as Record<Category, number>),
    performance_runs: runs.map((r) => score(r, "performance")),
    // Lighthouse's own measure of the CPU it ran on (environment.benchmarkIndex, median of the runs).
    benchmark_index: Math.round(median(runs.map((r) => r.environment.benchmarkIndex)) ?? 0),
    tbt_ms: metric(lhr, "total-blocking-time"),
    lcp_ms: metric(lhr, "largest-contentful-paint"),
    js_kib: Math.round((items?.find((r) => r.resourceType === "script")?.transferSize ?? 0) / 1024),
  };
  log(`  ${preset} (median run): ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(", ")}, TBT ${scores.tbt_ms} ms`);
  return { lhr, scores };
}

async function main() {
  const browser = await browserVersion();
  log(`browser: ${browser}`);
  const faultBefore = pageFaultMicros();
  const dataDir = path.join(tmpdir(), `outage-radar-lighthouse-${process.pid}`);
  log("starting the production server on a fresh embedded database with demo data (builds first if needed)…");
  const app = await startAppServer({
    port: PORT,
    env: { DATABASE_URL: "", DATA_DIR: dataDir, DEMO: "on", DEMO_HISTORY_DAYS: "2", WEB_CONCURRENCY: "1" },
    log: (line) => (line.includes("seed") || line.includes("rror") ? log(`  server: ${line}`) : undefined),
  });
  const results: Record<
    string,
    Scores & { js_budget_kib: number; mobile: Scores; mobile_paced?: Scores & { cpu_slowdown: number } }
  > = {};
  let floor: Scores | undefined;
  const failures: string[] = [];
  try {
    const incidents = (await (await fetch(`${app.origin}/api/v1/incidents`)).json()) as {
      items: Array<{ id: number }>;
    };
    const incident = incidents.items[0];
    if (!incident) throw new Error("the demo has no incident to audit");
    const pages: Array<[keyof typeof JS_BUDGET_KIB, string]> = [
      ["home", "/"],
      ["service", "/status/whatsapp"],
      ["map", "/map"],
      ["incident", `/incidents/${incident.id}`],
    ];
    // One unmeasured visit each, so the audit sees a warm server rather than first compilation, and
    // the front's copies of each page's scripts and stylesheets ready in every encoding.
    for (const [, p] of pages) await warmUp(app.origin, p);
    for (const [i, [name, p]] of pages.entries()) {
      log(`audit ${i + 1}/${pages.length}: ${p}…`);
      const scored = {} as Record<Preset, Scores>;
      for (const preset of PRESETS) {
        const { lhr, scores } = await auditRuns(app.origin + p, preset);
        scored[preset] = scores;
        for (const c of CATEGORIES) {
          if (scores[c] >= TARGET) continue;
          failures.push(`${p} ${preset} ${c} ${scores[c]}`);
          const failing = Object.values(lhr.audits)
            .filter(
              (a) =>
                a.score !== null &&
                a.score < 0.9 &&
                lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0),
            )
            .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
          log(`    below ${TARGET}: ${failing.join(", ")}`);
        }
      }
      results[p] = { ...scored.desktop, js_budget_kib: JS_BUDGET_KIB[name]!, mobile: scored.mobile };
      const index = scored.mobile.benchmark_index;
      if (index > PACED_INDEX * 1.1) {
        const cpuSlowdown = Number(((4 * index) / PACED_INDEX).toFixed(1));
        log(`  mobile paced to a benchmark index of ${PACED_INDEX} (CPU ${cpuSlowdown}× slower):`);
        const paced = (await auditRuns(app.origin + p, "mobile", cpuSlowdown)).scores;
        results[p].mobile_paced = { ...paced, cpu_slowdown: cpuSlowdown };
      }
      const jsKib = scored.mobile.js_kib;
      log(`  JavaScript ${jsKib} KiB (budget ${JS_BUDGET_KIB[name]})`);
      if (jsKib > JS_BUDGET_KIB[name]!) failures.push(`${p} JavaScript ${jsKib} KiB over ${JS_BUDGET_KIB[name]}`);
    }
    // Reference, not a target: the framework's own floor on this machine in this hour.
    log("reference: the smallest App Router page (bench/lighthouse-floor.ts), mobile…");
    const floorPage = await startFloorPage(FLOOR_PORT);
    try {
      floor = (await auditRuns(floorPage.origin + "/", "mobile")).scores;
    } finally {
      await floorPage.stop();
    }
  } finally {
    const code = await app.stop();
    log(`server stopped (exit ${code})`);
    rmSync(dataDir, { recursive: true, force: true });
  }

  const faults = [faultBefore, pageFaultMicros()].map((us) => Number(us.toFixed(2)));
  log(`a fresh page of memory: ${faults.join(" µs before, ")} µs after the audits`);
  const md = [
    "# Lighthouse",
    "",
    `\`npm run bench:lighthouse\`: Lighthouse 12 (npm) driving Debian's Chromium (${browser}) against the production server (embedded database, two days of demo data), with its desktop preset and its mobile one (simulated slow 4G, 4× CPU slowdown); each figure is from the median of ${RUNS} runs (Lighthouse's computeMedianRun), every run's performance score in brackets. Server, browser and Lighthouse share this machine's 2 cores. Target: ≥ ${TARGET} in every category; JavaScript within each page's budget (compressed bytes downloaded).`,
    "",
    // The mobile preset's 4× slowdown is applied on top of whatever this machine does, so on a slow
    // hour the same page scores lower; Lighthouse's CPU benchmark says how fast the machine was.
    "Lighthouse's CPU benchmark index (`environment.benchmarkIndex`, median of each page's runs; higher is faster, and Lighthouse's 4× mobile slowdown assumes a fast desktop; it times JavaScript alone, while a slow hour on this shared machine slows system calls and loopback networking more): " +
      Object.entries(results)
        .map(([p, r]) => `\`${p}\` ${r.benchmark_index} / ${r.mobile.benchmark_index}`)
        .join(", ") +
      " (desktop / mobile runs).",
    "",
    `A fresh 4 KiB page of memory (64 MiB allocated and touched once, in the bench's own process) cost ${faults[0]} µs before the audits and ${faults[1]} µs after: every run starts a fresh Chromium that faults its memory in, so when faults are slow a page that allocates more than another loses far more than the benchmark index shows.`,
    "",
    "| page | preset | performance | TBT ms | LCP s | accessibility | best practices | SEO | JavaScript KiB (budget) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...Object.entries(results).flatMap(([p, r]) =>
      PRESETS.map((preset) => row(`\`${p}\``, preset, preset === "desktop" ? r : r.mobile, r.js_budget_kib)),
    ),
    ...Object.entries(results).flatMap(([p, r]) => {
      const s = r.mobile_paced;
      return s ? [row(`\`${p}\``, `mobile at index ${PACED_INDEX} (CPU ${s.cpu_slowdown}×)`, s, r.js_budget_kib)] : [];
    }),
    ...(floor ? [row("reference: the smallest App Router page", "mobile", floor)] : []),
    "",
    "TBT and LCP are the median run's total blocking time and largest contentful paint, the two metrics where a phone loses its points. The reference row is not a target: the smallest page Next.js's App Router serves (one heading, one paragraph, no client components; `bench/lighthouse-floor.ts`), built with this repo's Next.js, served by `next start` (which sends its scripts uncompressed, so if anything the reference is slowed) and audited in the same run, after the site's pages. Every App Router page pays the framework's start-up in the browser; the reference says how much of a score that is on this machine at this hour." +
      (Object.values(results).some((r) => r.mobile_paced)
        ? ` Rows "mobile at index ${PACED_INDEX}" are not targets either: the mobile audit again, its CPU slowdown scaled from 4× to what 4× would be on this machine at a benchmark index of ${PACED_INDEX} (the runs committed on 6 and 7 December), so that a fast hour does not carry the score.`
        : ""),
    "",
    failures.length
      ? `Below target: ${failures.join("; ")}.`
      : `Every page meets ${TARGET} in all four categories with both presets, and its JavaScript budget.`,
    "",
  ].join("\n");
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/lighthouse.md", md);
  writeFileSync(
    "bench/results/lighthouse.json",
    JSON.stringify({ browser, page_fault_us: faults, ...results, reference_floor: floor }, null, 2) + "\n",
  );
  console.log("\n" + md);
  if (failures.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
