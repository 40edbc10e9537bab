// npm run bench:live — live pages pushed over Server-Sent Events: how many open tabs one instance
// holds, and how fast a detector tick reaches the last of them. Runs the production server (two
// workers, as bench:reads does) on a Postgres database of its own; client processes open event
// streams for one service from several 127.0.0.x addresses, in steps, until the target or a limit;
// at each step the benchmark runs real detector ticks (reports stored, tick committed, NOTIFY) and
// times each event from the tick's commit to its arrival at every client. Prints and writes
// bench/results/live.md and bench/results/live.json. `-- --quick` tries one small step.
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { ingestReports } from "@/lib/reports/ingest";
import { DEFAULT_RULES } from "@/lib/reports/rules";
import { runTick, SETTLE_MS } from "@/lib/incidents/tick";
import { traffic } from "@/test/traffic";
import { startAppServer } from "@/deploy/stack/app-server";
import { cpuSecondsOf } from "./cpu";
import { withBenchDatabase } from "./database";
import type { FromClients, ToClients } from "./live/clients";

const quick = process.argv.includes("--quick");
const STEPS = quick ? [1_000] : [5_000, 10_000, 20_000, 30_000, 38_000, 42_000];
const TARGET_CONNECTIONS = 20_000;
const TARGET_P99_MS = 1_000;
const TICKS_PER_STEP = quick ? 3 : 8;
/** Streams per client process: each process may open 20,000 files on this machine. */
const PER_CLIENT_PROCESS = 8_000;
/** Source addresses, so no one address runs out of ports. */
const SOURCES = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);
const WORKERS = 2;
/** Files a process may open here (`ulimit -Hn`); a worker's streams are sockets. */
const FILE_LIMIT = Number(execFileSync("sh", ["-c", "ulimit -Hn"], { encoding: "utf8" }).trim());
const SLUG = "facebook";
const MINUTE = 60_000;
const log = (m: string) => console.log(`[bench:live] ${m}`);

interface Step {
  connections: number;
  failed: number;
  first_error: string | null;
  delivered: number;
  expected: number;
  delivery_p50_ms: number;
  delivery_p99_ms: number;
  delivery_max_ms: number;
  memory_kib_per_connection: number;
  cpu_us_per_event: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;

/** Resident memory (KiB) of the server: its primary and workers. */
function serverRssKib(pid: number): number {
  let total = 0;
  for (const p of [pid, ...childrenOf(pid)]) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      total += Number(m?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return total;
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A client process and a way to ask it something. */
function startClients() {
  const child: ChildProcess = fork(path.join(__dirname, "live", "clients.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.server.json" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ask = <K extends FromClients["kind"]>(m: ToClients, answer: K) =>
    new Promise<Extract<FromClients, { kind: K }>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`client process exited (${code})`));
      const onMessage = (r: FromClients) => {
        if (r.kind !== answer) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(r as Extract<FromClients, { kind: K }>);
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send(m);
    });
  return { child, ask };
}

async function main() {
  log(
    `${quick ? "quick: " : ""}steps ${STEPS.join(", ")} connections, ${TICKS_PER_STEP} ticks each, ${WORKERS} workers`,
  );
  await withBenchDatabase("live", async ({ url, handle }) => {
    const db = handle.db;
    const app = await startAppServer({
      port: 3320,
      env: {
        DATABASE_URL: url,
        DEMO: "off",
        WEB_CONCURRENCY: String(WORKERS),
        MAX_CONNECTIONS: "40000",
        // The benchmark runs the ticks itself, so it knows when each one committed.
        DETECTOR_TICK_SECONDS: "3600",
      },
    });
    const pid = app.process.pid!;
    const clients: Array<ReturnType<typeof startClients>> = [];
    const steps: Step[] = [];
    let ceiling = "";
    try {
      const [svc] = (await db.execute(sql`select id from services where slug = ${SLUG}`)) as unknown as [
        { id: number },
      ];
      // Ticks run on minutes of their own, after any the server's first tick saw.
      let minute = Math.floor(Date.now() / MINUTE) * MINUTE + 2 * MINUTE;
      const tick = async () => {
        await ingestReports(db, traffic(svc.id, minute, minute + MINUTE, 3), DEFAULT_RULES);
        for (;;) {
          const summary = await runTick(db, new Date(minute + MINUTE + SETTLE_MS));
          if (summary.ran) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        const committedAt = Date.now();
        const t = minute;
        minute += MINUTE;
        return { t, committedAt };
      };
      await tick(); // detectors learn their baselines: not timed
      await new Promise((r) => setTimeout(r, 1_000));
      const rssBefore = serverRssKib(pid);
      let connected = 0;

      for (const target of STEPS) {
        // More client processes as needed, each topped up to its share.
        while (clients.length * PER_CLIENT_PROCESS < target) clients.push(startClients());
        let failed = 0;
        let firstError: string | null = null;
        const started = Date.now();
        // Clients are filled in order, each up to PER_CLIENT_PROCESS streams.
        const held = (n: number, i: number) => Math.min(PER_CLIENT_PROCESS, Math.max(0, n - i * PER_CLIENT_PROCESS));
        for (const [i, c] of clients.entries()) {
          const share = held(target, i) - held(connected, i);
          if (share <= 0) continue;
          const r = await c.ask(
            {
              kind: "connect",
              origin: app.origin,
              path: `/api/v1/services/${SLUG}/events`,
              count: share,
              sources: SOURCES,
            },
            "connected",
          );
          failed += r.failed;
          firstError ??= r.firstError;
          log(`  connecting: ${Math.min(target, connected + share)}/${target} (${r.failed} refused)`);
          connected += share - r.failed;
        }
        connected = Math.min(connected, target);
        log(
          `step ${target}: ${connected} streams open (${failed} failed) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        await new Promise((r) => setTimeout(r, 2_000));
        const rss = serverRssKib(pid);
        const cpuBefore = cpuSecondsOf((_c, p, parent) => p === pid || parent === pid);
        const latencies: number[] = [];
        let expected = 0;
        for (let k = 0; k < TICKS_PER_STEP; k++) {
          const { t, committedAt } = await tick();
          expected += connected;
          // Wait for every open stream to hear this tick (or 10 s).
          const deadline = Date.now() + 10_000;
          let heard = 0;
          const arrivals: number[] = [];
          while (heard < connected && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 100));
            for (const c of clients) {
              const r = await c.ask({ kind: "collect" }, "collected");
              for (const [key, list] of Object.entries(r.arrivals)) if (Number(key) === t) arrivals.push(...list);
            }
            heard = arrivals.length;
          }
          for (const at of arrivals) latencies.push(Math.max(0, at - committedAt));
          await new Promise((r) => setTimeout(r, 500));
        }
        const cpu = cpuSecondsOf((_c, p, parent) => p === pid || parent === pid) - cpuBefore;
        latencies.sort((a, b) => a - b);
        const step: Step = {
          connections: connected,
          failed,
          first_error: firstError,
          delivered: latencies.length,
          expected,
          delivery_p50_ms: percentile(latencies, 0.5),
          delivery_p99_ms: percentile(latencies, 0.99),
          delivery_max_ms: latencies.at(-1) ?? NaN,
          memory_kib_per_connection: Math.round(((rss - rssBefore) / Math.max(1, connected)) * 10) / 10,
          cpu_us_per_event: Math.round(((cpu * 1e6) / Math.max(1, latencies.length)) * 10) / 10,
        };
        steps.push(step);
        log(
          `  delivered ${step.delivered}/${step.expected}: p50 ${step.delivery_p50_ms} ms, p99 ${step.delivery_p99_ms} ms, max ${step.delivery_max_ms} ms; ${step.memory_kib_per_connection} KiB/connection, ${step.cpu_us_per_event} µs CPU/event`,
        );
        if (failed > 0 || step.delivered < step.expected || step.delivery_p99_ms > TARGET_P99_MS) {
          ceiling = failed
            ? `${target.toLocaleString("en")} streams: ${failed.toLocaleString("en")} could not open (${firstError}; each of the ${WORKERS} workers may open ${FILE_LIMIT.toLocaleString("en")} files, this machine's hard limit)`
            : step.delivered < step.expected
              ? `${target.toLocaleString("en")} streams: ${(step.expected - step.delivered).toLocaleString("en")} events not delivered within 10 s`
              : `${target.toLocaleString("en")} streams: p99 ${step.delivery_p99_ms} ms over the ${TARGET_P99_MS} ms target`;
          break;
        }
      }
    } finally {
      for (const c of clients) c.child.send({ kind: "close" } satisfies ToClients);
      await app.stop();
    }
    write(steps, ceiling);
  });
}

function write(steps: Step[], ceiling: string) {
  const good = steps.filter((s) => s.failed === 0 && s.delivered === s.expected && s.delivery_p99_ms <= TARGET_P99_MS);
  const best = good.at(-1) ?? steps[0];
  if (!best) throw new Error("no step was measured");
  const result = {
    date: new Date().toISOString().slice(0, 10),
    commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim(),
    quick,
    workers: WORKERS,
    connections: best.connections,
    delivery_p50_ms: best.delivery_p50_ms,
    delivery_p99_ms: best.delivery_p99_ms,
    memory_kib_per_connection: best.memory_kib_per_connection,
    cpu_us_per_event: best.cpu_us_per_event,
    ceiling:
      ceiling ||
      `not reached: every step up to ${steps.at(-1)!.connections.toLocaleString("en")} streams met the target`,
    steps,
    targets: { connections: `>= ${TARGET_CONNECTIONS}`, delivery_p99_ms: `<= ${TARGET_P99_MS}` },
  };
  const met = result.connections >= TARGET_CONNECTIONS && result.delivery_p99_ms <= TARGET_P99_MS;
  const md = [
    "# Live pages: Server-Sent Events fan-out",
    "",
    `Command: \`npm run bench:live\` (${result.date}, commit \`${result.commit}\`${quick ? ", --quick" : ""}). One instance of the production server (${WORKERS} workers) on Postgres; every stream follows one service (\`/api/v1/services/${SLUG}/events\`), opened from client processes on ${SOURCES.length} loopback addresses. At each step the benchmark stores reports and commits ${TICKS_PER_STEP} real detector ticks; each tick NOTIFYs, every worker hears it (LISTEN) and writes the event to its streams.`,
    "",
    `**${result.connections.toLocaleString("en")} streams** with delivery p50 **${result.delivery_p50_ms} ms** and p99 **${result.delivery_p99_ms} ms**, **${result.memory_kib_per_connection} KiB** of server memory per stream and **${result.cpu_us_per_event} µs** of server CPU per delivered event (target: ≥ ${TARGET_CONNECTIONS.toLocaleString("en")} streams with p99 ≤ ${TARGET_P99_MS} ms: ${met ? "met" : "not met"}).`,
    "",
    `Ceiling: ${result.ceiling}.`,
    "",
    "| streams | refused | delivered / expected | p50 ms | p99 ms | max ms | KiB per stream | µs CPU per event |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...steps.map(
      (s) =>
        `| ${s.connections.toLocaleString("en")} | ${s.failed} | ${s.delivered.toLocaleString("en")} / ${s.expected.toLocaleString("en")} | ${s.delivery_p50_ms} | ${s.delivery_p99_ms} | ${s.delivery_max_ms} | ${s.memory_kib_per_connection} | ${s.cpu_us_per_event} |`,
    ),
    "",
    "## Definitions",
    "",
    "- **delivery**: from the moment the tick's transaction committed (its `runTick` call returned in the benchmark) to the moment a client process read the event off its stream, over every (event, stream) pair of the step; the clients, the server and Postgres share the machine's two cores.",
    "- **KiB per stream**: growth of the server's resident memory (primary and workers) from before any stream opened to the step, divided by the streams open.",
    "- **µs CPU per event**: the server's CPU time (primary and workers, user + system) during the step's ticks, divided by the events delivered.",
    `- Each process here may open at most ${FILE_LIMIT.toLocaleString("en")} files (\`ulimit -Hn\`, not raisable without privileges this machine does not give), so one worker holds at most about ${(FILE_LIMIT - 100).toLocaleString("en")} streams; the server runs ${WORKERS}.`,
    "",
  ].join("\n");
  if (!quick) {
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/live.json", JSON.stringify(result, null, 2) + "\n");
    writeFileSync("bench/results/live.md", md);
  }
  console.log(md);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
