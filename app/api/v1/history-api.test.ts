import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { parse as parseCsv } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { validateXML } from "xmllint-wasm";
import { z } from "zod";
import { rows } from "@/db/client";
import { setDbHandle } from "@/lib/db";
import { incidentEvents, incidents, reportRollups, reports, services } from "@/db/schema";
import { testTargets, type TestDb } from "@/test/db";
import { auditEntrySchema } from "@/lib/admin/audit";
import { incidentDetailSchema, incidentListSchema } from "@/lib/incidents/schemas";
import { reportTextSchema } from "@/lib/reports/schemas";
import { seriesSchema, serviceSnapshotSchema, serviceStatusSchema } from "@/lib/services/schemas";
import { deliverySchema, webhookCreatedSchema, webhookSchema } from "@/lib/webhooks/schemas";
import { GET as getOpenApi } from "./openapi.json/route";
import { GET as getService } from "./services/[slug]/route";
import { GET as getSeries } from "./services/[slug]/series/route";
import { GET as getSnapshot } from "./services/[slug]/snapshot/route";
import { GET as getReportTexts } from "./services/[slug]/reports/route";
import { GET as getExport } from "./services/[slug]/export.csv/route";
import { GET as getIncidents } from "./incidents/route";
import { GET as getIncident } from "./incidents/[id]/route";
import { PATCH as patchIncident } from "./admin/incidents/[id]/route";
import { POST as postUpdate } from "./admin/incidents/[id]/updates/route";
import { POST as postMerge } from "./admin/incidents/[id]/merge/route";
import { POST as postSplit } from "./admin/incidents/[id]/split/route";
import { PATCH as patchReport } from "./admin/reports/[id]/route";
import { GET as getAudit } from "./admin/audit/route";
import { GET as getWebhooks, POST as postWebhook } from "./admin/webhooks/route";
import { DELETE as deleteWebhook } from "./admin/webhooks/[id]/route";
import { GET as getDeliveries } from "./admin/webhooks/[id]/deliveries/route";
import { POST as postTest } from "./admin/webhooks/[id]/test/route";
import { GET as getAllFeed } from "../../incidents/feed.atom/route";
import { GET as getServiceFeed } from "../../status/[service]/incidents/feed.atom/route";
import { GET as getBadge } from "../../status/[service]/badge.svg/route";

// Read once by lib/config at the first request of this file.
const TOKEN = "admin-token-for-tests-0123456789abcdef";
process.env.ADMIN_TOKEN = TOKEN;

const BASE = "http://radar.test";
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const get = (path: string) => new Request(`${BASE}${path}`);
const adminRequest = (path: string, method: string, body?: unknown, token: string | null = TOKEN) =>
  new Request(`${BASE}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json", ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
  });
const atomSchema = readFileSync("lib/feeds/atom.rng", "utf8");
const validAtom = async (xml: string) =>
  validateXML({
    xml: [{ fileName: "feed.xml", contents: xml }],
    schema: [{ fileName: "atom.rng", contents: atomSchema }],
    extension: "relaxng",
  });

describe.each(testTargets())("API v1, feeds and administration on $name", (target) => {
  let t: TestDb;
  let serviceId = 0;
  const ids = { first: 0, second: 0, other: 0, textReport: 0, evilReport: 0 };

  beforeAll(async () => {
    t = await target.open();
    setDbHandle(t.handle);
    const db = t.handle.db;
    const [svc] = await db.select({ id: services.id }).from(services).where(eq(services.slug, "slack"));
    const [other] = await db.select({ id: services.id }).from(services).where(eq(services.slug, "zoom"));
    serviceId = svc!.id;
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
    const made = await db
      .insert(incidents)
      .values([
        {
          serviceId,
          level: "outage",
          startedAt: at(300),
          detectedAt: at(297),
          endedAt: at(250),
          peakAt: at(280),
          peakRate: 40,
          regions: ["US"],
        },
        {
          serviceId,
          level: "possible",
          startedAt: at(240),
          detectedAt: at(236),
          endedAt: at(200),
          peakAt: at(230),
          peakRate: 12,
          regions: ["GB"],
        },
        { serviceId: other!.id, level: "outage", startedAt: at(100), detectedAt: at(98), endedAt: at(60) },
      ])
      .returning({ id: incidents.id });
    [ids.first, ids.second, ids.other] = made.map((m) => m.id) as [number, number, number];
    await db.insert(incidentEvents).values([
      { incidentId: ids.first, kind: "detected", at: at(297), level: "outage" },
      { incidentId: ids.first, kind: "resolved", at: at(250), level: "ok" },
      { incidentId: ids.second, kind: "detected", at: at(236), level: "possible" },
      { incidentId: ids.second, kind: "resolved", at: at(200), level: "ok" },
    ]);
    const base = {
      serviceId,
      symptom: "messages",
      country: "US",
      reporter: "r".repeat(32),
      network: "n".repeat(32),
      counted: true,
    };
    const stored = await db
      .insert(reports)
      .values([
        { ...base, createdAt: at(20), text: "Messages stuck on sending" },
        { ...base, createdAt: at(10), text: '=HYPERLINK("http://evil") you are all idiots' },
        { ...base, createdAt: at(5), text: null },
      ])
      .returning({ id: reports.id });
    ids.textReport = Number(stored[0]!.id);
    ids.evilReport = Number(stored[1]!.id);
    // One quarter hour on 10 June: Germany has 6 people (shown), France 2 (under the privacy floor).
    const cell = { serviceId, symptom: "messages", networks: 1 };
    await db.insert(reportRollups).values([
      { ...cell, bucket: new Date("2026-06-10T10:01:00Z"), country: "DE", reports: 4, reporters: 4 },
      { ...cell, bucket: new Date("2026-06-10T10:07:00Z"), country: "DE", reports: 3, reporters: 2 },
      { ...cell, bucket: new Date("2026-06-10T10:03:00Z"), country: "FR", reports: 2, reporters: 2 },
    ]);
  }, 60_000);
  afterAll(async () => {
    setDbHandle(undefined);
    await t.drop();
  });

  it("serves an OpenAPI 3.1 document that a validator accepts and that names every endpoint", async () => {
    const doc = (await (await getOpenApi(get("/api/v1/openapi.json"))).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      servers: Array<{ url: string }>;
    };
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0]!.url).toBe(BASE);
    // Links use the host the client asked for, not the address the server listens on.
    const behind = new Request("http://0.0.0.0:3000/api/v1/openapi.json", { headers: { host: "status.example:8080" } });
    const viaHost = (await (await getOpenApi(behind)).json()) as { servers: Array<{ url: string }> };
    expect(viaHost.servers[0]!.url).toBe("http://status.example:8080");
    for (const path of [
      "/api/v1/services",
      "/api/v1/services/{slug}",
      "/api/v1/services/{slug}/series",
      "/api/v1/services/{slug}/reports",
      "/api/v1/services/{slug}/export.csv",
      "/api/v1/reports",
      "/api/v1/incidents",
      "/api/v1/incidents/{id}",
      "/api/v1/admin/webhooks",
      "/api/v1/location",
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    // A broken document is refused by the same validator: the check can fail.
    expect((await new Validator().validate({ ...doc, info: undefined } as never)).valid).toBe(false);
  });

  it("answers a service's status, series and report texts in the documented shapes", async () => {
    const status = await getService(get("/api/v1/services/slack"), params({ slug: "slack" }));
    expect(status.status).toBe(200);
    const body = serviceStatusSchema.strict().parse(await status.json());
    expect(body).toMatchObject({ slug: "slack", name: "Slack", openIncident: null });
    const series = seriesSchema.parse(await (await getSeries(get("/x"), params({ slug: "slack" }))).json());
    expect(series.series).toHaveLength(96);
    const snapshot = serviceSnapshotSchema
      .strict()
      .parse(await (await getSnapshot(get("/x"), params({ slug: "slack" }))).json());
    expect(snapshot).toMatchObject({ slug: "slack", bucketMinutes: 15 });
    expect(snapshot.series).toHaveLength(96);
    const texts = z
      .array(reportTextSchema.strict())
      .parse(await (await getReportTexts(get("/x?limit=10"), params({ slug: "slack" }))).json());
    expect(texts.map((r) => r.id)).toEqual([ids.evilReport, ids.textReport]);
    expect(JSON.stringify(texts)).not.toMatch(/reporter|network/);
    expect((await getService(get("/x"), params({ slug: "nope" }))).status).toBe(404);
    const bad = await getReportTexts(get("/x?limit=1000"), params({ slug: "slack" }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/limit/);
  });

  it("lists incidents with filters and tells one incident's story", async () => {
    const list = incidentListSchema.parse(await (await getIncidents(get("/api/v1/incidents?service=slack"))).json());
    expect(list.items.map((i) => i.id)).toEqual([ids.second, ids.first]);
    const outages = incidentListSchema.parse(await (await getIncidents(get("/api/v1/incidents?level=outage"))).json());
    expect(outages.items.every((i) => i.level === "outage")).toBe(true);
    const one = await getIncident(get(`/api/v1/incidents/${ids.first}`), params({ id: String(ids.first) }));
    const story = incidentDetailSchema.strict().parse(await one.json());
    expect(story.events.map((e) => e.kind)).toEqual(["detected", "resolved"]);
    for (const raw of ["0", "abc", "99999999999", "999999"])
      expect((await getIncident(get("/x"), params({ id: raw }))).status).toBe(404);
  });

  it("exports 15-minute counts per country as CSV, leaving out cells under the privacy floor", async () => {
    const response = await getExport(get("/x?from=2026-06-10&to=2026-06-10"), params({ slug: "slack" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const records = parseCsv(await response.text(), { columns: true }) as Array<Record<string, string>>;
    expect(records).toEqual([
      { bucket_start: "2026-06-10T10:00:00.000Z", country: "DE", reports: "7", reporters: "6" },
    ]);
    for (const [query, field] of [
      ["?from=2026-06-10", "to"],
      ["?from=2026-06-10&to=2026-08-10", "to"],
      ["?from=10-06-2026&to=2026-06-10", "from"],
      ["?from=2026-06-10&to=2026-06-01", "to"],
    ] as const) {
      const bad = await getExport(get(`/x${query}`), params({ slug: "slack" }));
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0]!.field).toBe(
        field,
      );
    }
  });

  it("refuses administration without the right token, in constant-time comparison", async () => {
    const path = `/api/v1/admin/incidents/${ids.first}/updates`;
    const p = params({ id: String(ids.first) });
    expect((await postUpdate(adminRequest(path, "POST", { message: "x" }, null), p)).status).toBe(401);
    const wrong = await postUpdate(adminRequest(path, "POST", { message: "x" }, `${TOKEN}x`), p);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await getWebhooks(adminRequest("/api/v1/admin/webhooks", "GET", undefined, "short"))).status).toBe(401);
    const [events] = await rows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from incident_events where kind = 'official_update'`,
    );
    expect(events!.n).toBe(0);
  });

  it("posts official updates, sets the cause, merges duplicates and hides texts, all in the audit log", async () => {
    const p = (id: number) => params({ id: String(id) });
    const update = await postUpdate(
      adminRequest(`/x`, "POST", { message: "We are investigating <script>alert(1)</script> delays." }),
      p(ids.first),
    );
    expect(update.status).toBe(201);
    expect((await postUpdate(adminRequest(`/x`, "POST", { message: "" }), p(ids.first))).status).toBe(400);
    expect(
      (await patchIncident(adminRequest(`/x`, "PATCH", { cause: "technical_malfunction" }), p(ids.first))).status,
    ).toBe(204);
    const badCause = await patchIncident(adminRequest(`/x`, "PATCH", { cause: "aliens" }), p(ids.first));
    expect(badCause.status).toBe(400);
    expect(((await badCause.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0]!.field).toBe(
      "cause",
    );

    // Only the same service, and never into itself.
    expect((await postMerge(adminRequest(`/x`, "POST", { into: ids.other }), p(ids.second))).status).toBe(409);
    expect((await postMerge(adminRequest(`/x`, "POST", { into: ids.second }), p(ids.second))).status).toBe(409);
    expect((await postMerge(adminRequest(`/x`, "POST", { into: ids.first }), p(ids.second))).status).toBe(204);
    expect((await postMerge(adminRequest(`/x`, "POST", { into: ids.first }), p(ids.second))).status).toBe(409);
    const moved = await getIncident(get(`/api/v1/incidents/${ids.second}`), p(ids.second));
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe(`${BASE}/api/v1/incidents/${ids.first}`);
    const merged = incidentDetailSchema.parse(await (await getIncident(get("/x"), p(ids.first))).json());
    expect(merged.regions.sort()).toEqual(["GB", "US"]);
    expect(merged.peakRate).toBe(40);
    expect(merged.cause).toBe("technical_malfunction");
    expect(merged.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["official_update", "cause_set", "merged", "detected", "resolved"]),
    );
    const list = incidentListSchema.parse(await (await getIncidents(get("/api/v1/incidents?service=slack"))).json());
    expect(list.items.map((i) => i.id)).toEqual([ids.first]);

    expect((await patchReport(adminRequest(`/x`, "PATCH", { textHidden: true }), p(ids.evilReport))).status).toBe(204);
    expect((await patchReport(adminRequest(`/x`, "PATCH", { textHidden: true }), p(987_654_321))).status).toBe(404);
    const texts = (await (await getReportTexts(get("/x"), params({ slug: "slack" }))).json()) as Array<{ id: number }>;
    expect(texts.map((r) => r.id)).toEqual([ids.textReport]);

    const audit = z
      .array(auditEntrySchema)
      .parse(await (await getAudit(adminRequest("/api/v1/admin/audit", "GET"))).json());
    const changes = audit.filter((a) => !a.action.startsWith("auth."));
    expect(changes.map((a) => a.action)).toEqual([
      "report.hide_text",
      "incident.merge",
      "incident.cause",
      "incident.official_update",
    ]);
    expect(changes.every((a) => a.actor === "operator (ADMIN_TOKEN)")).toBe(true);
    // The two wrong tokens of the test before, logged with who (nobody known) and whence.
    expect(audit.filter((a) => a.action === "auth.failed")).toEqual([
      expect.objectContaining({ actor: "unknown", source: "unknown" }),
      expect.objectContaining({ actor: "unknown", source: "unknown" }),
    ]);
  });

  it("splits a merged incident back in two at an instant, each part with its own timeline", async () => {
    const p = params({ id: String(ids.first) });
    const whole = incidentDetailSchema.parse(await (await getIncident(get("/x"), p)).json());
    const start = Date.parse(whole.startedAt);
    const end = Date.parse(whole.endedAt!);
    const cut = new Date(start + (end - start) / 2).toISOString();
    const outside = await postSplit(adminRequest("/x", "POST", { at: new Date(end + 60_000).toISOString() }), p);
    expect(outside.status).toBe(400);
    expect((await postSplit(adminRequest("/x", "POST", { at: "soon" }), p)).status).toBe(400);
    const split = await postSplit(adminRequest("/x", "POST", { at: cut }), p);
    expect(split.status).toBe(201);
    const { id } = (await split.json()) as { id: number };

    const first = incidentDetailSchema.parse(await (await getIncident(get("/x"), p)).json());
    const second = incidentDetailSchema.parse(await (await getIncident(get("/x"), params({ id: String(id) }))).json());
    expect([first.startedAt, first.endedAt]).toEqual([whole.startedAt, cut]);
    expect([second.startedAt, second.endedAt]).toEqual([cut, whole.endedAt]);
    expect(first.events.every((e) => Date.parse(e.at) <= Date.parse(cut))).toBe(true);
    expect(second.events.every((e) => Date.parse(e.at) >= Date.parse(cut))).toBe(true);
    expect(second.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["split", "resolved"]));
    expect(first.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["split", "detected"]));
    const [entry] = z.array(auditEntrySchema).parse(await (await getAudit(adminRequest("/x", "GET"))).json());
    expect(entry).toMatchObject({ action: "incident.split", target: `incident:${ids.first}`, details: { new: id } });
  });

  it("serves Atom feeds that validate against RFC 4287's schema, with user text escaped", async () => {
    const all = await getAllFeed(get("/incidents/feed.atom"));
    expect(all.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    const xml = await all.text();
    const result = await validAtom(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain(`<id>${BASE}/incidents/${ids.first}</id>`);
    expect(xml).not.toContain(`<id>${BASE}/incidents/${ids.second}</id>`); // merged away
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(xml).not.toContain("<script>");
    const one = await (
      await getServiceFeed(get("/status/zoom/incidents/feed.atom"), params({ service: "zoom" }))
    ).text();
    expect((await validAtom(one)).valid).toBe(true);
    expect(one).toContain(`/incidents/${ids.other}</id>`);
    expect(one).not.toContain(`/incidents/${ids.first}</id>`);
    // The validator does refuse a feed without its id.
    expect((await validAtom(xml.replace(/<id>[^<]*<\/id>/, ""))).valid).toBe(false);
    expect((await getServiceFeed(get("/x"), params({ service: "nope" }))).status).toBe(404);
  });

  it("draws a status badge that says the status in words", async () => {
    const badge = await getBadge(get("/status/slack/badge.svg"), params({ service: "slack" }));
    expect(badge.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const svg = await badge.text();
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("Slack");
    expect(svg).toContain("no problems");
  });

  it("manages webhooks: registered with a secret shown once, listed, tested, logged and deleted", async () => {
    const invalid = await postWebhook(
      adminRequest("/x", "POST", { url: "ftp://example.com", events: ["incident.opened"] }),
    );
    expect(invalid.status).toBe(400);
    // Plain http and addresses inside our network are refused, naming the field.
    for (const url of [
      "http://hooks.example/x",
      "https://127.0.0.1/x",
      "https://169.254.169.254/latest",
      "https://[fd00::1]/x",
    ]) {
      const inside = await postWebhook(adminRequest("/x", "POST", { url }));
      expect(inside.status, url).toBe(400);
      expect(((await inside.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0]!.field).toBe(
        "url",
      );
    }
    const unknown = await postWebhook(adminRequest("/x", "POST", { url: "https://hooks.example/", service: "nope" }));
    expect(unknown.status).toBe(400);
    const created = await postWebhook(adminRequest("/x", "POST", { url: "https://hooks.example/hook" }));
    expect(created.status).toBe(201);
    const hook = webhookCreatedSchema.parse(await created.json());
    expect(hook.secret).toMatch(/^whsec_/);
    expect(hook.events).toEqual(["incident.opened", "incident.escalated", "incident.resolved"]);
    const listed = z.array(webhookSchema.strict()).parse(await (await getWebhooks(adminRequest("/x", "GET"))).json());
    expect(listed.map((w) => w.id)).toContain(hook.id);
    const p = params({ id: String(hook.id) });
    expect((await postTest(adminRequest("/x", "POST"), p)).status).toBe(202);
    const log = z.array(deliverySchema).parse(await (await getDeliveries(adminRequest("/x", "GET"), p)).json());
    expect(log[0]).toMatchObject({ event: "ping", state: "pending", attempts: 0 });
    expect((await deleteWebhook(adminRequest("/x", "DELETE"), p)).status).toBe(204);
    expect((await deleteWebhook(adminRequest("/x", "DELETE"), p)).status).toBe(404);
    expect((await getDeliveries(adminRequest("/x", "GET"), p)).status).toBe(404);
  });
});
