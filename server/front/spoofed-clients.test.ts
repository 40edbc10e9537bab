import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { DEFAULT_PARAMS } from "@/lib/detection/params";
import { runTick } from "@/lib/incidents/tick";
import { testTargets, type TestDb } from "@/test/db";
import { listenFront, postFrom } from "@/test/front";
import { proxyTrust } from "./client-address";

// One machine tries to fake an outage by naming a new address (each in a new /24) and a new browser
// with every report. Through a front that does not trust it, it stays one client on one network.
describe.each(testTargets().map((target, targetIndex) => ({ ...target, targetIndex })))(
  "a host rotating forwarded addresses on $name",
  ({ targetIndex, ...target }) => {
    let t: TestDb;
    let untrusted: Awaited<ReturnType<typeof listenFront>>;
    let trusted: Awaited<ReturnType<typeof listenFront>>;
    beforeAll(async () => {
      t = await target.open();
      // Three quiet hours for every detector, so sixty people at once stand out from the usual level.
      await runTick(t.handle.db, new Date(), DEFAULT_PARAMS, new Date(Date.now() - 3 * 3_600_000));
      // Our proxies are elsewhere: this test's own connections (from loopback) are a client's.
      untrusted = await listenFront(t, proxyTrust(["10.0.0.0/8"]));
      trusted = await listenFront(t);
    });
    afterAll(async () => {
      await untrusted.close();
      await trusted.close();
      await t.drop();
    });

    // The attacking host: a loopback address of its own per database target, as the rate limits
    // live in this process and must not carry over from one target to the next.
    const host = `127.0.0.${10 + targetIndex}`;
    const flood = async (base: string, service: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++)
        statuses.push(
          await postFrom(host, `${base}/api/v1/reports`, {
            headers: { "x-forwarded-for": `198.51.${i}.7`, "user-agent": `browser ${i}` },
            body: JSON.stringify({ service, symptom: "website", country: "US" }),
          }),
        );
      return statuses;
    };
    // Networks the service has seen (each a keyed hash of a /24): reports themselves keep no hashes.
    const stored = async (service: string) =>
      (
        await rows<{ reports: number; counted: number; networks: number }>(
          t.handle.db,
          sql`select (select count(*) from reports r where r.service_id = s.id)::int as reports,
                     (select count(*) from reports r where r.service_id = s.id and r.counted)::int as counted,
                     (select count(*) from network_sightings n where n.service_id = s.id)::int as networks
              from services s where s.slug = ${service}`,
        )
      )[0]!;

    it("limits it as one address and counts it as one network, so no incident opens", async () => {
      const statuses = await flood(untrusted.base, "gitlab");
      // The per-address limit (20 a minute) holds: the forwarded addresses were not believed.
      expect(statuses.filter((s) => s === 201)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(40);
      expect(await stored("gitlab")).toEqual({ reports: 20, counted: 20, networks: 1 });

      // The same requests from a proxy we trust are 60 people on 60 networks: the control.
      expect((await flood(trusted.base, "vercel")).every((s) => s === 201)).toBe(true);
      expect(await stored("vercel")).toEqual({ reports: 60, counted: 60, networks: 60 });

      for (let m = 1; m <= 6; m++) await runTick(t.handle.db, new Date(Date.now() + m * 60_000));
      const opened = await rows<{ slug: string }>(
        t.handle.db,
        sql`select s.slug from incidents i join services s on s.id = i.service_id`,
      );
      expect(opened.map((o) => o.slug)).not.toContain("gitlab");
      expect(opened.map((o) => o.slug)).toContain("vercel");
    }, 120_000);
  },
);
