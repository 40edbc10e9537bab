import { CACHE_CONTROL } from "@/lib/http/cache-control";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { setDbHandle } from "@/lib/db";
import { testTargets, type TestDb } from "@/test/db";
import { listenFront } from "@/test/front";
import { CLIENT_IP_HEADER } from "@/lib/reports/client-ip";
import { GET as getServices } from "./services/route";
import { GET as getSnapshot } from "./services/[slug]/snapshot/route";
import { GET as getRegions } from "./regions/[country]/route";
import { GET as getMapPreview } from "../../status/[service]/map-preview.svg/route";

// Reports are answered by the lean front in server/front, so they are tested over real HTTP.
let front: Awaited<ReturnType<typeof listenFront>>;
let base = "";
const report = (
  body: unknown,
  ip = "203.0.113.50",
  type = "application/json",
  method = "POST",
  extra: Record<string, string> = {},
) =>
  fetch(`${base}/api/v1/reports`, {
    method,
    body: method === "POST" ? (typeof body === "string" ? body : JSON.stringify(body)) : undefined,
    // The front trusts X-Forwarded-For only because it is told to, and overwrites our own header.
    headers: {
      "content-type": type,
      "x-forwarded-for": ip,
      [CLIENT_IP_HEADER]: "6.6.6.6",
      "user-agent": "api-test",
      ...extra,
    },
  });

describe.each(testTargets())("JSON API on $name", (target) => {
  let t: TestDb;
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
  const count = async () => (await rows<{ n: number }>(t.handle.db, sql`select count(*)::int as n from reports`))[0]?.n;

  it("GET /api/v1/services lists services with symptoms and status", async () => {
    const response = await getServices();
    expect(response.status).toBe(200);
    const body = (await response.json()) as Array<Record<string, unknown>>;
    expect(body.length).toBeGreaterThanOrEqual(40);
    const tiktok = body.find((s) => s.slug === "tiktok");
    expect(tiktok).toEqual({
      slug: "tiktok",
      name: "TikTok",
      category: "social",
      symptoms: expect.arrayContaining([{ slug: "login", label: "Login" }]),
      status: "ok",
    });
  });

  it("POST /api/v1/reports answers 201 with id, counted and status", async () => {
    const first = await report({ service: "tiktok", symptom: "login", country: "US", subdivision: "US-CA" });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id: expect.any(Number), counted: true, status: "ok" });
    const again = await report({ service: "tiktok", symptom: "feed", country: "US" });
    expect(await again.json()).toMatchObject({ counted: false });
  });

  it.each([
    [{ service: "tiktok", country: "US" }, 400, "symptom"],
    [{ service: "tiktok", symptom: "login", country: "United States" }, 400, "country"],
    [{ service: "tiktok", symptom: "login", country: "US", text: "a".repeat(300) }, 400, "text"],
    [{ service: "nope", symptom: "login", country: "US" }, 404, "service"],
    [[1, 2, 3], 400, "body"],
  ])("refuses %j with %i naming %s, writing nothing", async (body, status, field) => {
    const before = await count();
    const response = await report(body);
    expect(response.status).toBe(status);
    const json = (await response.json()) as { error: { message: string; issues: Array<{ field: string }> } };
    expect(json.error.issues.map((i) => i.field)).toContain(field);
    expect(json.error.message).toContain(field);
    expect(await count()).toBe(before);
  });

  it("refuses malformed JSON (400), other media types (415), big bodies (413) and other methods (405)", async () => {
    expect((await report("{oops")).status).toBe(400);
    expect((await report("{}", undefined, "text/plain")).status).toBe(415);
    expect((await report({ service: "tiktok", symptom: "login", country: "US", text: "x".repeat(8000) })).status).toBe(
      413,
    );
    const get = await report(undefined, undefined, undefined, "GET");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(((await get.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
  });

  it("answers 429 with Retry-After to an address that sends too fast, storing nothing for it", async () => {
    const before = await count();
    const ip = target.name === "pglite" ? "192.0.2.201" : "192.0.2.202";
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        report({ service: "spotify", symptom: "music", country: "US" }, ip, undefined, undefined, {
          "user-agent": `ua ${i}`,
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const refused = answers.find((a) => a.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/too many reports/);
    expect((await count())! - before!).toBe(20);
  });

  it("answers a retried POST with the same Idempotency-Key from the first report, storing it once", async () => {
    const body = { service: "spotify", symptom: "music", country: "SE" };
    const key = { "idempotency-key": "4f1c2b9e-retry-1" };
    const before = await count();
    const first = await report(body, "192.0.2.90", undefined, undefined, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstBody = (await first.json()) as { id: number; counted: boolean };
    const again = await Promise.all(
      Array.from({ length: 5 }, () => report(body, "192.0.2.90", undefined, undefined, key)),
    );
    for (const r of again) {
      expect(r.status).toBe(201);
      expect(r.headers.get("idempotent-replayed")).toBe("true");
      expect(await r.json()).toEqual({ ...firstBody, status: "ok" });
    }
    expect(await count()).toBe(before! + 1);
    // The key belongs to its client: someone else using the same string is a new report.
    const other = await report(body, "192.0.2.91", undefined, undefined, key);
    expect(((await other.json()) as { id: number }).id).not.toBe(firstBody.id);
    expect(await count()).toBe(before! + 2);
  });

  it("refuses an Idempotency-Key reused for a different report with 422, storing nothing", async () => {
    const key = { "idempotency-key": "4f1c2b9e-reused-1" };
    const original = { service: "spotify", symptom: "music", country: "SE" };
    const send = (body: object) => report(body, "192.0.2.93", undefined, undefined, key);
    expect((await send(original)).status).toBe(201);
    const before = await count();
    for (const other of [
      { service: "spotify", symptom: "login", country: "SE" },
      { service: "spotify", symptom: "music", country: "NO" },
      { service: "spotify", symptom: "music", country: "SE", text: "different words" },
      { service: "netflix", symptom: "streaming", country: "SE" },
    ]) {
      const reused = await send(other);
      expect(reused.status).toBe(422);
      const body = (await reused.json()) as { error: { code: string; issues: Array<{ field: string }> } };
      expect(body.error.code).toBe("idempotency_key_reused");
      expect(body.error.issues[0]!.field).toBe("Idempotency-Key");
    }
    expect(await count()).toBe(before);
    const same = await send(original);
    expect(same.status).toBe(201);
    expect(same.headers.get("idempotent-replayed")).toBe("true");
  });

  it("refuses an unusable Idempotency-Key, naming the header", async () => {
    const before = await count();
    const bad = await report(
      { service: "spotify", symptom: "music", country: "SE" },
      "192.0.2.92",
      undefined,
      undefined,
      {
        "idempotency-key": "has spaces in it",
      },
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("Idempotency-Key");
    expect(await count()).toBe(before);
  });

  it("GET /api/health says the database answers and what this instance does", async () => {
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, detector: "leader", queued: 0 });
  });

  it("hashes the address the trusted proxy header gives, never one the client claims in ours", async () => {
    const a = await report({ service: "reddit", symptom: "feed", country: "US" }, "192.0.2.77");
    const b = await report({ service: "reddit", symptom: "feed", country: "US" }, "192.0.2.78");
    // Same spoofed internal header on both: had it been trusted, the second would be a repeat.
    expect([(await a.json()) as { counted: boolean }, (await b.json()) as { counted: boolean }]).toEqual([
      expect.objectContaining({ counted: true }),
      expect.objectContaining({ counted: true }),
    ]);
  });

  it("the snapshot shows the new report in the current bucket and the last hour", async () => {
    const read = async () => {
      const response = await getSnapshot(new Request("http://localhost"), {
        params: Promise.resolve({ slug: "discord" }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as {
        series: Array<{ reporters: number }>;
        reportersLastHour: number;
        symptoms: Array<{ slug: string; share: number }>;
      };
    };
    const before = await read();
    expect(before.series).toHaveLength(96);
    await report({ service: "discord", symptom: "voice", country: "GB" }, "192.0.2.10");
    const after = await read();
    expect(after.reportersLastHour).toBe(before.reportersLastHour + 1);
    expect(after.series.at(-1)!.reporters).toBe(before.series.at(-1)!.reporters + 1);
    expect(after.symptoms[0]).toMatchObject({ slug: "voice", share: 1 });
    const missing = await getSnapshot(new Request("http://localhost"), { params: Promise.resolve({ slug: "nope" }) });
    expect(missing.status).toBe(404);
  });

  it("GET /status/:slug/map-preview.svg draws the service's map as a cacheable image", async () => {
    const preview = await getMapPreview(new Request("http://localhost"), {
      params: Promise.resolve({ service: "discord" }),
    });
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toBe("image/svg+xml");
    expect(preview.headers.get("cache-control")).toBe(CACHE_CONTROL.live);
    expect((await preview.text()).match(/<path /g)!.length).toBeGreaterThan(150);
    const missing = await getMapPreview(new Request("http://localhost"), {
      params: Promise.resolve({ service: "nope" }),
    });
    expect(missing.status).toBe(404);
  });

  it("GET /api/v1/regions/:country lists subdivisions", async () => {
    const response = await getRegions(new Request("http://localhost"), { params: Promise.resolve({ country: "de" }) });
    const body = (await response.json()) as Array<{ code: string }>;
    expect(body.map((s) => s.code)).toContain("DE-BY");
    const bad = await getRegions(new Request("http://localhost"), { params: Promise.resolve({ country: "QQ" }) });
    expect(bad.status).toBe(404);
  });
});
