import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTargets, type TestDb } from "@/test/db";
import { sql } from "drizzle-orm";
import { createDb, rows } from "@/db/client";
import { startAppServer, type AppServer } from "@/deploy/stack/app-server";
import { DetectorLeadership } from "./leader";
import { SYNC_MS } from "@/lib/limits/peer-counts";

/** Reports one address may send a minute in the two-instance test (the default is 20). */
const RATE_LIMIT = 6;

describe.each(testTargets())("detector leadership on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
  });
  afterAll(() => t.drop());

  it("makes a lone instance the leader, and keeps it so", async () => {
    const lone = new DetectorLeadership(t.handle);
    expect(await lone.check()).toBe("leader");
    expect(await lone.check()).toBe("leader");
    await lone.release();
  });
});

// Several instances need a server: PGlite is one process's database.
for (const target of testTargets().filter((x) => x.name === "postgres")) {
  describe("detector leadership across instances on the server", () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await target.open();
    });
    afterAll(() => t.drop());

    it("lets exactly one of several instances lead, and hands over when it goes", async () => {
      const handles = [createDb({ url: t.url }), createDb({ url: t.url }), createDb({ url: t.url })];
      const instances = handles.map((h) => new DetectorLeadership(h));
      try {
        const roles = [];
        for (const i of instances) roles.push(await i.check());
        expect(roles).toEqual(["leader", "standby", "standby"]);
        // Asking again changes nothing.
        expect(await Promise.all(instances.map((i) => i.check()))).toEqual(["leader", "standby", "standby"]);
        // The leader's connection goes away (as when its process dies): one other takes over at its next check.
        await instances[0]!.release();
        const next = await Promise.all(instances.slice(1).map((i) => i.check()));
        expect(next.filter((r) => r === "leader")).toHaveLength(1);
      } finally {
        for (const i of instances) await i.release();
        for (const h of handles) await h.close();
      }
    });
  });
}

// Two production servers (server/main.ts) against one Postgres server, in the same file as the other
// leadership tests so the file always has a suite on PGlite too.
const TICK_SECONDS = 1;

interface Health {
  ok: boolean;
  detector: "leader" | "standby";
}

async function health(app: AppServer): Promise<Health | null> {
  try {
    return (await (await fetch(`${app.origin}/api/health`)).json()) as Health;
  } catch {
    return null;
  }
}

for (const target of testTargets().filter((x) => x.name === "postgres")) {
  describe("two app instances on one database", () => {
    let t: TestDb;
    const apps: AppServer[] = [];
    beforeAll(async () => {
      t = await target.open();
      const env = {
        DATABASE_URL: t.url!,
        DEMO: "off",
        DETECTOR_TICK_SECONDS: String(TICK_SECONDS),
        TRUSTED_PROXIES: "loopback",
        REPORTER_SECRET: "two-instances-test-secret-0123456789",
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      };
      // One after the other: the first builds the app if the build is stale.
      for (const port of [3411, 3412]) apps.push(await startAppServer({ port, env }));
    }, 240_000);
    afterAll(async () => {
      for (const app of apps) await app.stop();
      await t.drop();
    });

    it("counts a person once whichever instance they reach, and stores every report", async () => {
      const send = (app: AppServer, i: number) =>
        fetch(`${app.origin}/api/v1/reports`, {
          method: "POST",
          // Each on a network of their own: forty from one /24 would meet the network cap.
          headers: { "content-type": "application/json", "x-forwarded-for": `198.51.${i}.7`, "user-agent": "two" },
          body: JSON.stringify({ service: "discord", symptom: "voice", country: "US" }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { counted: boolean } }));
      const people = Array.from({ length: 40 }, (_, i) => i + 1);
      const answers = await Promise.all(people.flatMap((i) => [send(apps[0]!, i), send(apps[1]!, i)]));
      expect(answers.every((a) => a.status === 201)).toBe(true);
      expect(answers.filter((a) => a.body.counted)).toHaveLength(people.length);
      const [stored] = await rows<{ n: number; counted: number; rolled: number }>(
        t.handle.db,
        sql`select count(*)::int as n, (count(*) filter (where counted))::int as counted,
                   (select sum(reporters)::int from service_minute_rollups) as rolled from reports`,
      );
      expect(stored).toEqual({ n: 80, counted: 40, rolled: 40 });
    });

    it("holds the per-address limit as one across the two instances", async () => {
      // One address, alternating between the instances, slower than they share their counts.
      const statuses: number[] = [];
      for (let i = 0; i < RATE_LIMIT + 4; i++) {
        const r = await fetch(`${apps[i % 2]!.origin}/api/v1/reports`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.77", "user-agent": "one" },
          body: JSON.stringify({ service: "discord", symptom: "voice", country: "US" }),
        });
        statuses.push(r.status);
        await new Promise((resolve) => setTimeout(resolve, 2 * SYNC_MS + 100));
      }
      // The documented bound: what the instances accept within one sync, plus one hit on each.
      const accepted = statuses.filter((s) => s === 201).length;
      expect(accepted).toBeGreaterThanOrEqual(RATE_LIMIT);
      expect(accepted).toBeLessThanOrEqual(RATE_LIMIT + 2);
      expect(statuses.slice(RATE_LIMIT + 2)).toEqual([429, 429]);
    }, 60_000);

    it("has exactly one detector leader, and hands over within two ticks when it is killed", async () => {
      const roles = await Promise.all(apps.map(health));
      expect(roles.map((r) => r?.ok)).toEqual([true, true]);
      expect(roles.filter((r) => r?.detector === "leader")).toHaveLength(1);
      const leader = roles.findIndex((r) => r?.detector === "leader");
      const survivor = apps[1 - leader]!;
      const killedAt = Date.now();
      apps[leader]!.process.kill("SIGKILL");
      let tookOver = Infinity;
      while (Date.now() - killedAt < 10 * TICK_SECONDS * 1000) {
        if ((await health(survivor))?.detector === "leader") {
          tookOver = Date.now() - killedAt;
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(tookOver).toBeLessThanOrEqual(2 * TICK_SECONDS * 1000);
    });
  });
}
