import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { setDbHandle } from "@/lib/db";
import { testTargets, type TestDb } from "@/test/db";
import { anyValue, asciiHeader, fieldOf, hostileString, reportBody, reportHeaders } from "@/test/hostile-inputs";
import { listenFront } from "@/test/front";
import { GET as getServices } from "./services/route";
import { GET as getService } from "./services/[slug]/route";
import { GET as getSnapshot } from "./services/[slug]/snapshot/route";
import { GET as getSeries } from "./services/[slug]/series/route";
import { GET as getReportTexts } from "./services/[slug]/reports/route";
import { GET as getExport } from "./services/[slug]/export.csv/route";
import { GET as getIncidents } from "./incidents/route";
import { GET as getIncident } from "./incidents/[id]/route";
import { GET as getRegions } from "./regions/[country]/route";
import { PATCH as patchIncident } from "./admin/incidents/[id]/route";
import { POST as postUpdate } from "./admin/incidents/[id]/updates/route";
import { POST as postMerge } from "./admin/incidents/[id]/merge/route";
import { PATCH as patchReport } from "./admin/reports/[id]/route";
import { GET as getAudit } from "./admin/audit/route";
import { POST as postWebhook } from "./admin/webhooks/route";
import { DELETE as deleteWebhook } from "./admin/webhooks/[id]/route";
import { GET as getDeliveries } from "./admin/webhooks/[id]/deliveries/route";
import { GET as getAllFeed } from "../../incidents/feed.atom/route";
import { GET as getIncidentMap } from "../../incidents/[id]/map.svg/route";
import { GET as getServiceFeed } from "../../status/[service]/incidents/feed.atom/route";
import { GET as getBadge } from "../../status/[service]/badge.svg/route";
import { GET as getMapPreview } from "../../status/[service]/map-preview.svg/route";
import { resetSignInFailures } from "@/lib/admin/authorize";

// Property-based fuzzing of every API route: whatever arrives, the answer is never a 5xx, a 4xx
// always says what is wrong, and a refused request writes nothing.

const TOKEN = "fuzz-admin-token-0123456789abcdef0123";
process.env.ADMIN_TOKEN = TOKEN;
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** A 4xx must name what is wrong: a JSON error with a message. */
async function expectClearRefusal(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400) return;
  const text = await res.text();
  let parsed: { error?: { code?: string; message?: string } };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(`${what}: ${res.status} without a JSON error: ${text.slice(0, 200)}`);
  }
  expect(parsed.error?.message, what).toMatch(/\S/);
}

describe.each(testTargets())("fuzzing every route on $name", (target) => {
  let t: TestDb;
  let front: Awaited<ReturnType<typeof listenFront>>;
  let base = "";
  beforeAll(async () => {
    t = await target.open();
    setDbHandle(t.handle);
    front = await listenFront(t);
    base = front.base;
  });
  afterAll(async () => {
    await front.close();
    setDbHandle(undefined);
    await t.drop();
  });
  const tally = async () =>
    (
      await rows<{ reports: number; rolled: number; keys: number }>(
        t.handle.db,
        sql`select (select count(*)::int from reports) as reports,
                   (select coalesce(sum(reports), 0)::int from service_minute_rollups) as rolled,
                   (select count(*)::int from idempotency_keys) as keys`,
      )
    )[0]!;

  it("POST /api/v1/reports: never a 5xx, every refusal explained, stored exactly what it acknowledged", async () => {
    const before = await tally();
    const acknowledged = new Set<number>();
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(reportBody, reportHeaders, async (bytes, hdrs) => {
        tried++;
        const res = await fetch(`${base}/api/v1/reports`, { method: "POST", body: bytes, headers: hdrs });
        await expectClearRefusal(res.clone(), `POST ${bytes.subarray(0, 80).toString()}`);
        if (res.status === 201) acknowledged.add(((await res.json()) as { id: number }).id);
        else expect([400, 404, 413, 415, 429]).toContain(res.status);
      }),
      { numRuns: RUNS },
    );
    const after = await tally();
    // Every acknowledged report is stored once (a replayed key answers with the same id), nothing else
    // was written, and the rollups agree with the raw rows.
    expect(after.reports - before.reports).toBe(acknowledged.size);
    expect(after.rolled).toBe(after.reports);
    expect(tried).toBe(RUNS);
  }, 300_000);

  it("every GET route: never a 5xx whatever the path and query", async () => {
    const segment = fc.oneof(
      fc.constantFrom("tiktok", "whatsapp", "US", "DE", "1", "0"),
      hostileString,
      fc.string({ maxLength: 12 }),
    );
    const query = fc.dictionary(
      fc.constantFrom("service", "category", "level", "from", "to", "page", "limit", "window", "before", "q"),
      fc.oneof(segment, fc.constantFrom("2026-01-01", "2026-13-45", "1h", "24h", "outage", "-5", "99999999999")),
      { maxKeys: 4 },
    );
    const ctx = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });
    await fc.assert(
      fc.asyncProperty(segment, query, async (seg, q) => {
        const search = new URLSearchParams(q).toString();
        const req = (path: string) => new Request(`http://radar.test${path}?${search}`);
        const calls: Array<[string, () => Promise<Response>]> = [
          ["services", () => getServices()],
          ["service", () => getService(req("/s"), ctx({ slug: seg }))],
          ["snapshot", () => getSnapshot(req("/s"), ctx({ slug: seg }))],
          ["series", () => getSeries(req("/s"), ctx({ slug: seg }))],
          ["texts", () => getReportTexts(req("/s"), ctx({ slug: seg }))],
          ["export", () => getExport(req("/s"), ctx({ slug: seg }))],
          ["incidents", () => getIncidents(req("/i"))],
          ["incident", () => getIncident(req("/i"), ctx({ id: seg }))],
          ["regions", () => getRegions(req("/r"), ctx({ country: seg }))],
          ["feed", () => getAllFeed(req("/f"))],
          ["service feed", () => getServiceFeed(req("/f"), ctx({ service: seg }))],
          ["badge", () => getBadge(req("/b"), ctx({ service: seg }))],
          ["map preview", () => getMapPreview(req("/m"), ctx({ service: seg }))],
          ["incident map", () => getIncidentMap(req("/m"), ctx({ id: seg }))],
        ];
        for (const [name, call] of calls)
          await expectClearRefusal(await call(), `${name} ${JSON.stringify(seg)} ?${search}`);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  }, 300_000);

  it("every admin route: never a 5xx, and a refused change writes nothing", async () => {
    // Failed sign-ins are logged too (auth.*): only the changes are counted here.
    const changes = sql`select count(*)::int as n from admin_audit where action not like 'auth.%'`;
    const before = await rows<{ n: number }>(t.handle.db, changes);
    const token = fc.oneof({ weight: 3, arbitrary: fc.constant(TOKEN) }, asciiHeader, fc.constant(`${TOKEN}x`));
    const json = fc.oneof(
      anyValue,
      fc.record(
        {
          cause: fieldOf(["maintenance", "unknown"]),
          message: fieldOf(["We are on it"]),
          into: anyValue,
          textHidden: anyValue,
        },
        { requiredKeys: [] },
      ),
      fc.record(
        {
          url: fieldOf(["http://127.0.0.1:9/hook", "ftp://x", "javascript:alert(1)"]),
          events: anyValue,
          service: anyValue,
        },
        { requiredKeys: [] },
      ),
    );
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(
        token,
        json,
        fc.constantFrom("1", "2", "0", "-1", "x", "99999999999"),
        async (tok, payload, id) => {
          // The failed-sign-in limit has its own test; here every run starts with a clean slate.
          resetSignInFailures();
          const req = (method: string) =>
            new Request("http://radar.test/api/v1/admin/x", {
              method,
              body: method === "GET" || method === "DELETE" ? undefined : JSON.stringify(payload),
              headers: { "content-type": "application/json", authorization: `Bearer ${tok}` },
            });
          const ctx = { params: Promise.resolve({ id }) };
          for (const [name, call] of [
            ["cause", () => patchIncident(req("PATCH"), ctx)],
            ["update", () => postUpdate(req("POST"), ctx)],
            ["merge", () => postMerge(req("POST"), ctx)],
            ["hide", () => patchReport(req("PATCH"), ctx)],
            ["audit", () => getAudit(req("GET"))],
            ["webhook", () => postWebhook(req("POST"))],
            ["delete webhook", () => deleteWebhook(req("DELETE"), ctx)],
            ["deliveries", () => getDeliveries(req("GET"), ctx)],
          ] as const) {
            const res = await call();
            await expectClearRefusal(res.clone(), `${name} ${JSON.stringify(payload).slice(0, 100)}`);
            if (res.status < 300 && name !== "audit" && name !== "deliveries") changed++;
            if (tok !== TOKEN) expect(res.status, name).toBe(401);
          }
        },
      ),
      { numRuns: Math.ceil(RUNS / 3) },
    );
    // Only the accepted changes were written; every one of them is in the audit log.
    const after = await rows<{ n: number }>(t.handle.db, changes);
    expect(after[0]!.n - before[0]!.n).toBe(changed);
  }, 300_000);
});
