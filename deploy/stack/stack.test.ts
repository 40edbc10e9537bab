import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { startStack, type Stack } from "./stack";
import { waitFor } from "./wait-for";
import type { Health } from "@/server/front/health";

const PORTS = { nginx: 8090, apps: [3111, 3112], primary: 5452, replica: 5453 };
const TICK_SECONDS = 2;
const MAX_LAG_MS = 5_000;

/** One HTTP request from a local address of our choosing: nginx sees a different client for each. */
function send(
  url: string,
  opts: { method?: string; from?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(
      url,
      {
        method: opts.method ?? "GET",
        localAddress: opts.from,
        agent: false,
        headers: { ...(payload && { "content-type": "application/json" }), ...opts.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const report = (i: number) =>
  send(`${stack.origin}/api/v1/reports`, {
    method: "POST",
    from: `127.0.${1 + Math.floor(i / 200)}.${10 + (i % 200)}`,
    headers: { "idempotency-key": `stack-${i}` },
    body: { service: "facebook", symptom: "login", country: "US" },
  });

const health = async (origin: string) => (await (await fetch(`${origin}/api/health`)).json()) as Health;

/** A figure of an instance summed over its workers, e.g. `outage_radar_reads_total{target="replica"`. */
async function metric(origin: string, series: string): Promise<number> {
  const text = await (await fetch(`${origin}/api/metrics`)).text();
  const [name, labels] = series.includes("{")
    ? [series.slice(0, series.indexOf("{")), series.slice(series.indexOf("{") + 1)]
    : [series, ""];
  let sum = 0;
  for (const m of text.matchAll(/^(\w+)\{([^}]*)\} (\S+)$/gm))
    if (m[1] === name && m[2]!.startsWith(labels)) sum += Number(m[3]);
  return sum;
}

/** Processes running the detector tick, over every worker of every instance. */
const leaders = async () =>
  (await Promise.all(stack.instances.map((i) => metric(i.origin, "outage_radar_detector_leader")))).reduce(
    (a, b) => a + b,
    0,
  );

let stack: Stack;
let primary: postgres.Sql;
let replica: postgres.Sql;

beforeAll(async () => {
  stack = await startStack({
    ports: PORTS,
    // The second instance forks two workers, as a deployment on a larger machine does.
    workers: [1, 2],
    env: {
      DETECTOR_TICK_SECONDS: String(TICK_SECONDS),
      DATABASE_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
      // Hundreds of reporters from one loopback block: the network cap would flag them, as it should.
      NETWORK_CAP: "100000",
      RATE_LIMIT_NETWORK_PER_MINUTE: "100000",
    },
  });
  primary = postgres(stack.primary.url, { max: 1, onnotice: () => {} });
  replica = postgres(stack.replica.url, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await primary?.end();
  await replica?.end();
  await stack?.stop();
});

const stored = async (db: postgres.Sql) =>
  Number(
    (
      await db`select count(*)::int as n from reports r join services s on s.id = r.service_id where s.slug = 'facebook'`
    )[0]!.n,
  );

describe("the stack: nginx → two app instances → a primary and a streaming replica", () => {
  it("counts every report sent through nginx once, on whichever instance it lands, retries included", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => report(i)));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
    const retries = await Promise.all(Array.from({ length: 40 }, (_, i) => report(i)));
    expect(retries.map((a) => a.headers["idempotent-replayed"])).toEqual(Array(40).fill("true"));
    expect(retries.map((a) => JSON.parse(a.body).id)).toEqual(answers.map((a) => JSON.parse(a.body).id));
    expect(await stored(primary)).toBe(40);
    // nginx wrote the client's address: each of the 40 is a different reporter.
    const counted = answers.filter((a) => JSON.parse(a.body).counted === true).length;
    expect(counted).toBe(40);
  });

  it("runs the detector tick in exactly one process of all the instances' workers", async () => {
    expect(await leaders()).toBe(1);
    expect((await send(`${stack.origin}/api/metrics`)).status).toBe(404);
    expect((await send(`${stack.origin}/api/health`)).status).toBe(404);
  });

  it("gives a scrape of an instance with two workers the figures of both", async () => {
    for (let i = 0; i < 4; i++) {
      const text = await (await fetch(`${stack.instances[1]!.origin}/api/metrics`)).text();
      const pids = new Set(
        [...text.matchAll(/^outage_radar_reports_queued\{instance_pid="(\d+)"\}/gm)].map((m) => m[1]),
      );
      expect(pids.size).toBe(2);
    }
  });

  it("serves pages and the API from the replica, showing new reports within the replica's lag", async () => {
    const before = await stored(replica);
    const sentAt = Date.now();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => report(100 + i)));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const lagMs = await waitFor(
      "the replica holds the reports",
      async () => ((await stored(replica)) === before + 10 ? Date.now() - sentAt : undefined),
      MAX_LAG_MS,
    );
    expect(lagMs).toBeLessThanOrEqual(MAX_LAG_MS);

    // The API straight from an instance (nginx would answer from its cache): read from the replica.
    const instance = stack.instances[1]!.origin;
    const readsBefore = {
      replica: await metric(instance, 'outage_radar_reads_total{target="replica"'),
      primary: await metric(instance, 'outage_radar_reads_total{target="primary"'),
    };
    const reporters = await waitFor(
      "the replica-served API counts them",
      async () => {
        const status = (await (await fetch(`${instance}/api/v1/services/facebook`)).json()) as {
          reportersLastHour: number;
        };
        return status.reportersLastHour >= 50 ? status.reportersLastHour : undefined;
      },
      TICK_SECONDS * 1000 + MAX_LAG_MS,
    );
    expect(reporters).toBe(50);
    const after = await health(instance);
    expect(after.reads!.replicas).toEqual([
      { name: `127.0.0.1:${PORTS.replica}/postgres`, serving: true, lagMs: expect.any(Number), reason: null },
    ]);
    expect(after.reads!.replicas[0]!.lagMs).toBeLessThanOrEqual(MAX_LAG_MS);
    expect(await metric(instance, 'outage_radar_reads_total{target="replica"')).toBeGreaterThan(readsBefore.replica);
    expect(await metric(instance, 'outage_radar_reads_total{target="primary"')).toBe(readsBefore.primary);
    const page = await send(`${stack.origin}/status/facebook`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Facebook");
  });

  it("reads the snapshot a tick announced from the primary, even while the replica lags", async () => {
    const instance = stack.instances[0]!.origin;
    const snapshot = async (query: string) =>
      (
        (await (await fetch(`${instance}/api/v1/services/reddit/snapshot${query}`)).json()) as {
          reportersLastHour: number;
        }
      ).reportersLastHour;
    await replica`select pg_wal_replay_pause()`;
    try {
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          send(`${stack.origin}/api/v1/reports`, {
            method: "POST",
            from: `127.0.3.${10 + i}`,
            body: { service: "reddit", symptom: "login", country: "US" },
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(5).fill(201));
      // Announced by a tick: the primary, which has them.
      expect(await snapshot("?tick=stack-test")).toBe(5);
      // A poll may be a few seconds old: the paused replica, still within the bound, has none yet.
      const lag = (await health(instance)).reads!.replicas[0]!;
      expect(lag.serving).toBe(true);
      expect(await snapshot("")).toBe(0);
    } finally {
      await replica`select pg_wal_replay_resume()`;
    }
  });

  it("answers a crowd on one page from nginx's cache, asking the app about once per s-maxage", async () => {
    const appRequests = async () => {
      let sum = 0;
      for (const i of stack.instances) sum += await metric(i.origin, "outage_radar_page_cache_total");
      return sum;
    };
    const before = await appRequests();
    const started = Date.now();
    const statuses: string[] = [];
    while (Date.now() - started < 6_000) {
      const crowd = await Promise.all(Array.from({ length: 20 }, () => send(`${stack.origin}/status/discord`)));
      for (const page of crowd) {
        expect(page.status).toBe(200);
        expect(page.headers["cache-control"]).toBe("public, max-age=0, s-maxage=5, stale-while-revalidate=30");
        statuses.push(String(page.headers["x-cache-status"]));
      }
    }
    const reached = (await appRequests()) - before;
    // Six seconds of a crowd: the first fill, and one renewal after 5 s (two at most, should a
    // renewal straddle the end).
    expect(reached).toBeGreaterThanOrEqual(1);
    expect(reached).toBeLessThanOrEqual(3);
    // Every answer but the few that went to the app came from the cache: fresh (HIT), or the old copy
    // while one request renewed it (UPDATING, STALE).
    const counts: Record<string, number> = {};
    for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
    const fromCache = (counts.HIT ?? 0) + (counts.UPDATING ?? 0) + (counts.STALE ?? 0);
    expect(statuses.length - fromCache, JSON.stringify(counts)).toBeLessThanOrEqual(reached);
  });

  it("reads from the primary while the replica is down, says so, and returns to the replica", async () => {
    const instance = stack.instances[0]!.origin;
    await stack.replica.stop();
    const down = await waitFor(
      "the instance notices",
      async () => {
        const h = await health(instance);
        return h.reads!.replicas[0]!.serving ? undefined : h;
      },
      5_000,
    );
    expect(down.ok).toBe(true);
    expect(down.reads!.replicas[0]!.reason).toMatch(/^not answering/);
    const primaryReads = down.reads!.reads.primary;
    const api = await fetch(`${instance}/api/v1/services/facebook`);
    expect(api.status).toBe(200);
    expect(((await api.json()) as { reportersLastHour: number }).reportersLastHour).toBe(50);
    expect((await health(instance)).reads!.reads.primary).toBeGreaterThan(primaryReads);
    const metrics = await (await fetch(`${instance}/api/metrics`)).text();
    expect(metrics).toMatch(/^outage_radar_replica_serving\{replica="127\.0\.0\.1:5453\/postgres"[^}]*\} 0$/m);

    await stack.replica.start();
    await waitFor(
      "the replica serves again",
      async () => ((await health(instance)).reads!.replicas[0]!.serving ? true : undefined),
      15_000,
    );
  });

  it("loses no acknowledged report when an instance is killed mid-flood, and the other serves on", async () => {
    const [victim, survivor] = stack.instances;
    const acknowledged = new Set<number>();
    const refused: number[] = [];
    let pagesOk = 0;
    let pagesFailed = 0;
    let killed = false;
    // 400 reporters, 8 at a time; a report not acknowledged is sent again with its key, as clients do.
    const next = { i: 1000 };
    const worker = async () => {
      while (next.i < 1400) {
        const i = next.i++;
        if (i === 1100 && !killed) {
          killed = true;
          victim!.process.kill("SIGKILL");
        }
        for (let attempt = 0; attempt < 5; attempt++) {
          const answer = await report(i).catch(() => ({ status: 0, body: "" }));
          if (answer.status === 201) {
            acknowledged.add(JSON.parse(answer.body).id as number);
            break;
          }
          refused.push(answer.status);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const page = await send(`${stack.origin}/api/v1/services/facebook`).catch(() => ({ status: 0 }));
        if (page.status === 200) pagesOk++;
        else pagesFailed++;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(killed).toBe(true);
    expect(victim!.process.signalCode).toBe("SIGKILL");
    console.info(
      `kill test: ${refused.length} unacknowledged attempts (${[...new Set(refused)].join(", ")}), each resent`,
    );
    expect(acknowledged.size).toBe(400);
    const ids = [...acknowledged];
    const found = await primary`select count(*)::int as n from reports where id = any(${ids})`;
    expect(found[0]!.n).toBe(400);
    // Every reporter once, whatever was retried where.
    expect(await stored(primary)).toBe(450);
    expect(pagesFailed).toBe(0);
    expect(pagesOk).toBe(400);
    // The survivor takes over the detector within a couple of ticks, in one of its workers.
    await waitFor(
      "the survivor leads",
      async () => ((await metric(survivor!.origin, "outage_radar_detector_leader")) === 1 ? true : undefined),
      TICK_SECONDS * 3000,
    );
  });
});
