// npm run profile:page -- /status/whatsapp — where a phone's main thread goes while a page loads.
// Starts the production server on a throwaway embedded database with demo data, loads the page in
// Chromium slowed down 4× (Lighthouse's mobile CPU), records a JavaScript CPU profile until 5 s after
// the load event, and prints the time by source module and the longest stretches of work.
// Modules are named through the bundles' source maps: build with BROWSER_SOURCE_MAPS=1 first, or
// the time is told by bundle file. A diagnosis tool, not a benchmark: one run, nothing recorded.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright";
import { SourceMapConsumer } from "source-map-js";
import { chromiumLaunchOptions } from "@/e2e/chromium";
import { startAppServer } from "@/deploy/stack/app-server";

const PORT = 3321;
const CPU_SLOWDOWN = 4;
const QUIET_MS = 5_000;
const TOP = 25;
const CHUNKS = path.join(".next", "static", "chunks");

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The original module a bundle position comes from, through the bundle's source map. */
function moduleNamer() {
  const maps = new Map<string, SourceMapConsumer | null>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      const file = url.match(/\/_next\/static\/chunks\/([^?]+\.js)/)?.[1];
      const js = file ? path.join(CHUNKS, file) : null;
      const ref = js && existsSync(js) ? readFileSync(js, "utf8").match(/sourceMappingURL=(\S+)/)?.[1] : undefined;
      const map = ref ? path.join(CHUNKS, ref) : null;
      maps.set(url, map && existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, "utf8"))) : null);
    }
    return maps.get(url)!;
  };
  return (frame: ProfileNode["callFrame"]): string => {
    if (!frame.url) return `(${frame.functionName || "native"})`;
    const source = mapOf(frame.url)?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber }).source;
    if (!source) return new URL(frame.url).pathname;
    // A package by its name; the app's own files by their path.
    const inPackage = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
    return inPackage ? `npm:${inPackage}` : source.replace(/^.*\[project\]\//, "").replace(/^turbopack:\/\/\//, "");
  };
}

async function main() {
  const page = process.argv[2] ?? "/status/whatsapp";
  if (!hasMaps()) console.log("[profile] no source maps in .next: time is told by bundle (BROWSER_SOURCE_MAPS=1 npm run build to name modules)");
  const dataDir = path.join(tmpdir(), `outage-radar-profile-${process.pid}`);
  const app = await startAppServer({
    port: PORT,
    env: { DATABASE_URL: "", DATA_DIR: dataDir, DEMO: "on", DEMO_HISTORY_DAYS: "2", WEB_CONCURRENCY: "1" },
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await (await fetch(app.origin + page)).text(); // a warm server, as a visitor finds it
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    await tab.goto(app.origin + page, { waitUntil: "load" });
    await tab.waitForTimeout(QUIET_MS);
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
    report(profile, page);
  } finally {
    await browser.close();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const hasMaps = () => existsSync(CHUNKS) && readdirSync(CHUNKS).some((f) => f.endsWith(".js.map"));

function report(profile: CpuProfile, page: string) {
  const name = moduleNamer();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<string, number>();
  let busy = 0;
  // Stretches of work between idle samples: a long one is what Lighthouse counts as blocking.
  const stretches: Array<{ at: number; ms: number; modules: Map<string, number> }> = [];
  let open: (typeof stretches)[number] | null = null;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = nodes.get(profile.samples[i]!)!.callFrame;
    if (frame.functionName === "(idle)") {
      if (open) stretches.push(open);
      open = null;
      continue;
    }
    const label = frame.functionName === "(program)" || frame.functionName === "(garbage collector)" ? `(${frame.functionName.replace(/[()]/g, "")}: browser work)` : name(frame);
    selfMs.set(label, (selfMs.get(label) ?? 0) + ms);
    busy += ms;
    open ??= { at: (t - profile.startTime) / 1000, ms: 0, modules: new Map() };
    open.ms += ms;
    open.modules.set(label, (open.modules.get(label) ?? 0) + ms);
  }
  if (open) stretches.push(open);
  const fmt = (ms: number) => ms.toFixed(0).padStart(6);
  console.log(`\n${page}: ${busy.toFixed(0)} ms of main-thread work at ${CPU_SLOWDOWN}× slowdown (self time by module)`);
  for (const [label, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${fmt(ms)}  ${label}`);
  console.log(`\nstretches of work over 50 ms (Lighthouse counts what is over 50 ms of each as blocking):`);
  for (const s of stretches.filter((x) => x.ms > 50)) {
    const top = [...s.modules].sort((a, b) => b[1] - a[1]).slice(0, 4);
    console.log(`${fmt(s.ms)}  at ${s.at.toFixed(0)} ms: ${top.map(([l, ms]) => `${l} ${ms.toFixed(0)}`).join(", ")}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
