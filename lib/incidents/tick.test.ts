import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { testTargets, type TestDb } from "@/test/db";
import type { IngestItem } from "@/lib/reports/ingest";
import { identify } from "@/lib/reports/identity";
import { MINUTE, SALTS, store, T0, traffic } from "@/test/traffic";
import { runTick, SETTLE_MS } from "./tick";

describe.each(testTargets())("detector tick on $name", (target) => {
  let t: TestDb;
  let serviceId: number;
  beforeAll(async () => {
    t = await target.open();
    const [svc] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'github'`);
    serviceId = svc!.id;
    // Two quiet days: one person every other minute.
    const history: IngestItem[] = [];
    for (let m = -2 * 1440; m < 0; m += 2)
      history.push(...traffic(serviceId, T0 + m * MINUTE, T0 + (m + 1) * MINUTE, 1));
    await store(t, history);
  }, 120_000);
  afterAll(() => t.drop());

  const openIncidents = async () =>
    (
      await rows<{
        id: number;
        level: string;
        started_at: string;
        detected_at: string;
        ended_at: string | null;
        peak_rate: number;
        regions: string[];
        symptoms: string[];
      }>(
        t.handle.db,
        sql`select id, level, started_at, detected_at, ended_at, peak_rate, regions, symptoms from incidents order by id`,
      )
    ).map((r) => ({
      ...r,
      detected_at: new Date(r.detected_at),
      ended_at: r.ended_at === null ? null : new Date(r.ended_at),
    }));

  it("learns from history without raising anything", async () => {
    const first = await runTick(t.handle.db, new Date(T0 + 30_000));
    expect(first.ran).toBe(true);
    expect(await openIncidents()).toEqual([]);
    const [status] = await rows<{ level: string }>(
      t.handle.db,
      sql`select level from service_status where service_id = ${serviceId}`,
    );
    expect(status?.level).toBe("ok");
  });

  it("opens an incident within minutes of a surge, escalates it, and does not duplicate it", async () => {
    // 40 people a minute from their own networks in Germany: about 80× the usual rate.
    await store(t, traffic(serviceId, T0, T0 + 25 * MINUTE, 40, "DE"));
    await runTick(t.handle.db, new Date(T0 + 2 * MINUTE + 5_000));
    await runTick(t.handle.db, new Date(T0 + 4 * MINUTE + 5_000));
    const [opened] = await openIncidents();
    expect(opened).toBeDefined();
    expect(opened!.detected_at.getTime() - T0).toBeLessThanOrEqual(5 * MINUTE);
    expect(opened!.ended_at).toBeNull();
    // Repeated and concurrent ticks over the same minutes change nothing.
    await Promise.all([
      runTick(t.handle.db, new Date(T0 + 10 * MINUTE)),
      runTick(t.handle.db, new Date(T0 + 10 * MINUTE)),
    ]);
    await runTick(t.handle.db, new Date(T0 + 10 * MINUTE));
    const list = await openIncidents();
    expect(list).toHaveLength(1);
    expect(list[0]!.level).toBe("outage");
    const [status] = await rows<{ level: string; incident_id: number }>(
      t.handle.db,
      sql`select level, incident_id from service_status where service_id = ${serviceId}`,
    );
    expect(status).toEqual({ level: "outage", incident_id: list[0]!.id });
  });

  it("resolves once reports are back to normal, with peak, regions, symptoms and a timeline", async () => {
    await store(t, traffic(serviceId, T0 + 25 * MINUTE, T0 + 70 * MINUTE, 0));
    await runTick(t.handle.db, new Date(T0 + 70 * MINUTE));
    const [incident] = await openIncidents();
    expect(incident!.ended_at).not.toBeNull();
    expect(incident!.ended_at!.getTime()).toBeGreaterThan(T0 + 20 * MINUTE);
    expect(incident!.ended_at!.getTime()).toBeLessThan(T0 + 50 * MINUTE);
    expect(incident!.peak_rate).toBeGreaterThanOrEqual(35);
    expect(incident!.regions).toEqual(["DE"]);
    expect(incident!.symptoms).toEqual(["login"]);
    const events = await rows<{ kind: string }>(
      t.handle.db,
      sql`select kind from incident_events where incident_id = ${incident!.id} order by at, id`,
    );
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(["detected", "peak", "resolved"]));
    const [status] = await rows<{ level: string; incident_id: number | null }>(
      t.handle.db,
      sql`select level, incident_id from service_status where service_id = ${serviceId}`,
    );
    expect(status).toEqual({ level: "ok", incident_id: null });
  });

  /** Stores, for each minute m of [from, from + minutes), the reports `plan(m)` lists as [region, people]. */
  const storeMinutes = async (
    id: number,
    from: number,
    minutes: number,
    plan: (m: number) => Array<[string, number]>,
  ) => {
    const items: IngestItem[] = [];
    for (let m = 0; m < minutes; m++)
      for (const [region, people] of plan(m))
        items.push(...traffic(id, from + m * MINUTE, from + (m + 1) * MINUTE, people, region));
    await store(
      t,
      items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    );
  };
  const idOf = async (slug: string) =>
    (await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = ${slug}`))[0]!.id;
  const regionalDetectors = async (id: number, region: string) =>
    (
      await rows<{ n: number }>(
        t.handle.db,
        sql`select count(*)::int as n from regional_detector_state where service_id = ${id} and country = ${region}`,
      )
    )[0]?.n;
  const detectedMessages = async (id: number) =>
    (
      await rows<{ message: string | null }>(
        t.handle.db,
        sql`select message from incident_events e join incidents i on i.id = e.incident_id where i.service_id = ${id} and e.kind = 'detected'`,
      )
    ).map((e) => e.message);

  /**
   * Two days before `start`: four people a minute in the US, one every other minute in Germany. Earlier
   * ticks saw no such traffic for the service; its state is forgotten so the tick learns this history,
   * and Germany gets a detector of its own.
   */
  const withGermanHistory = async (slug: string, start: number) => {
    const id = await idOf(slug);
    await storeMinutes(id, start - 2 * 1440 * MINUTE, 2 * 1440, (m) => [
      ["US", 4],
      ...(m % 2 === 0 ? [["DE", 1] as [string, number]] : []),
    ]);
    await t.handle.db.execute(sql`delete from detector_state where service_id = ${id}`);
    await runTick(t.handle.db, new Date(start + 30_000));
    expect(await regionalDetectors(id, "DE")).toBe(1);
    return id;
  };

  it("opens an incident for a surge in one country that the service-wide total barely shows", async () => {
    const start = T0 + 200 * MINUTE;
    const id = await withGermanHistory("spotify", start);

    // Germany goes from 0.5 to 3 a minute (6×); the service from 4.5 to 7 (1.55×, under the 2× bar).
    await storeMinutes(id, start, 30, (m) => [
      ["US", 4],
      ["DE", m % 2 === 0 ? 3 : 2],
      ...(m % 2 === 0 ? [["DE", 1] as [string, number]] : []),
    ]);
    await runTick(t.handle.db, new Date(start + 30 * MINUTE + 5_000));
    const found = await rows<{ regions: string[]; ended_at: string | null }>(
      t.handle.db,
      sql`select regions, ended_at from incidents where service_id = ${id}`,
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.regions).toContain("DE");
    expect((await detectedMessages(id))[0]).toBe("Unusual reports in Germany");
  });

  it("opens an incident for an outage in one US state that the country's total barely shows", async () => {
    const id = await idOf("verizon");
    const start = T0 + 300 * MINUTE; // a new hour: the tick reconsiders which regions get a detector
    // Two days before: six people a minute across the US, one every other minute in New York.
    await storeMinutes(id, start - 2 * 1440 * MINUTE, 2 * 1440, (m) => [
      ["US", 6],
      ...(m % 2 === 0 ? [["US-NY", 1] as [string, number]] : []),
    ]);
    await t.handle.db.execute(sql`delete from detector_state where service_id = ${id}`);
    await runTick(t.handle.db, new Date(start + 30_000));
    expect(await regionalDetectors(id, "US-NY")).toBe(1);

    // New York goes from 0.5 to 3 a minute (6x); the US and the service from 6.5 to 9 (1.4x).
    await storeMinutes(id, start, 30, () => [
      ["US", 6],
      ["US-NY", 3],
    ]);
    await runTick(t.handle.db, new Date(start + 30 * MINUTE + SETTLE_MS + 5_000));
    const found = await rows<{ id: number; regions: string[] }>(
      t.handle.db,
      sql`select id, regions from incidents where service_id = ${id}`,
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.regions).toContain("US-NY");
    expect((await detectedMessages(id))[0]).toBe("Unusual reports in New York, US");
  });

  it("leaves a surge across the whole service to the service-wide detector, not one per country", async () => {
    const start = T0 + 365 * MINUTE; // in a new hour: the tick reconsiders which regions get a detector
    const id = await withGermanHistory("twitch", start);

    // Everyone reports six times as much: Germany goes from 0.5 to 3 a minute, as it did alone above.
    await storeMinutes(id, start, 30, () => [
      ["US", 24],
      ["DE", 3],
    ]);
    await runTick(t.handle.db, new Date(start + 30 * MINUTE + SETTLE_MS + 5_000));
    const levels = await rows<{ country: string | null; level: string }>(
      t.handle.db,
      sql`select null as country, state->>'level' as level from detector_state where service_id = ${id}
          union all select country, state->>'level' from regional_detector_state where service_id = ${id} and country = 'DE'`,
    );
    expect(levels.find((l) => l.country === null)?.level).toBe("outage");
    expect(levels.find((l) => l.country === "DE")?.level).toBe("ok");
    expect(await detectedMessages(id)).not.toContain("Unusual reports in Germany");
  });

  it("does not open an incident for a flood from one network", async () => {
    const [svc] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'gitlab'`);
    const flood: IngestItem[] = [];
    for (let m = 0; m < 30; m++) {
      for (let i = 0; i < 30; i++) {
        const at = new Date(T0 + 100 * MINUTE + m * MINUTE + i * 1000);
        // 900 reports, each with a new user agent, all from one /24.
        flood.push({
          serviceId: svc!.id,
          symptom: "git",
          country: "US",
          subdivision: null,
          text: null,
          ...identify(SALTS, `192.0.2.${(i % 250) + 1}`, `bot-${m}-${i}`, svc!.id, at),
          createdAt: at,
        });
      }
    }
    await store(t, flood);
    await runTick(t.handle.db, new Date(T0 + 131 * MINUTE));
    const list = await rows<{ service_id: number }>(
      t.handle.db,
      sql`select service_id from incidents where service_id = ${svc!.id}`,
    );
    expect(list).toEqual([]);
  });

  // Last: its tick moves every detector far ahead of the earlier tests' times.
  it("a tick that crashes half-way leaves no trace, and the next one does the work once", async () => {
    const [svc] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'slack'`);
    const id = svc!.id;
    const at = T0 + 400 * MINUTE;
    await store(t, traffic(id, at, at + 10 * MINUTE, 40, "GB"));
    const stateBefore = await rows<{ through_minute: string }>(
      t.handle.db,
      sql`select through_minute from detector_state where service_id = ${id}`,
    );
    // The fault: writing the timeline fails after the incident row was inserted in the same tick.
    await t.handle.db.execute(
      sql`create function fail_event() returns trigger language plpgsql as $$ begin raise exception 'injected fault'; end $$`,
    );
    await t.handle.db.execute(
      sql`create trigger fail_event before insert on incident_events for each row execute function fail_event()`,
    );
    await expect(runTick(t.handle.db, new Date(at + 10 * MINUTE))).rejects.toThrow();
    expect(await rows(t.handle.db, sql`select id from incidents where service_id = ${id}`)).toEqual([]);
    expect(await rows(t.handle.db, sql`select through_minute from detector_state where service_id = ${id}`)).toEqual(
      stateBefore,
    );

    await t.handle.db.execute(sql`drop trigger fail_event on incident_events`);
    await t.handle.db.execute(sql`drop function fail_event`);
    await runTick(t.handle.db, new Date(at + 10 * MINUTE));
    const opened = await rows<{ id: number }>(t.handle.db, sql`select id from incidents where service_id = ${id}`);
    expect(opened).toHaveLength(1);
    const events = await rows<{ kind: string }>(
      t.handle.db,
      sql`select kind from incident_events where incident_id = ${opened[0]!.id}`,
    );
    expect(events.map((e) => e.kind)).toEqual(["detected"]);
  });

  it("keeps one outage whose reports dip for twenty minutes as one incident", async () => {
    const [svc] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'discord'`);
    const id = svc!.id;
    // After the crash test's minutes: these ticks move every detector further ahead.
    const start = T0 + 500 * MINUTE;
    const perMinute = (m: number) => {
      if (m < 0) return 2;
      if (m < 90) return 30; // the outage
      if (m < 110) return 2; // reports dip back to normal...
      if (m < 170) return 30; // ...and come back
      return 2;
    };
    const items: IngestItem[] = [];
    for (let m = -2 * 1440; m < 300; m++)
      items.push(...traffic(id, start + m * MINUTE, start + (m + 1) * MINUTE, perMinute(m)));
    await store(t, items);
    await t.handle.db.execute(sql`delete from detector_state where service_id = ${id}`);
    await runTick(t.handle.db, new Date(start + 30_000), undefined, new Date(start));
    for (let m = 10; m <= 300; m += 10) await runTick(t.handle.db, new Date(start + m * MINUTE + 5_000));
    const found = await rows<{ started_at: Date | string; ended_at: Date | string | null }>(
      t.handle.db,
      sql`select started_at, ended_at from incidents where service_id = ${id}`,
    );
    expect(found).toHaveLength(1);
    expect(new Date(found[0]!.started_at).getTime()).toBeLessThan(start + 5 * MINUTE);
    expect(found[0]!.ended_at).not.toBeNull();
    const ended = new Date(found[0]!.ended_at!).getTime();
    expect(ended).toBeGreaterThanOrEqual(start + 170 * MINUTE);
    expect(ended).toBeLessThan(start + 200 * MINUTE);
  });

  it("counts a report stamped just before a minute ended that commits after the next tick began", async () => {
    const [svc] = await rows<{ id: number }>(t.handle.db, sql`select id from services where slug = 'zoom'`);
    const minute = T0 + 900 * MINUTE;
    await runTick(t.handle.db, new Date(minute + MINUTE + 500));
    // Stamped 12:00:59.9, committed after the tick of 12:01:00.5.
    const late = traffic(svc!.id, minute + MINUTE - 100, minute + MINUTE, 1);
    await store(
      t,
      late.map((r) => ({ ...r, createdAt: new Date(minute + MINUTE - 100) })),
    );
    await runTick(t.handle.db, new Date(minute + 2 * MINUTE + SETTLE_MS + 500));
    const [saved] = await rows<{ state: { recent: number[]; lastT: number } }>(
      t.handle.db,
      sql`select state from detector_state where service_id = ${svc!.id}`,
    );
    expect(saved!.state.lastT).toBe(minute + MINUTE);
    expect(saved!.state.recent.at(-2)).toBe(1);
  });
});
