import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows, setDbHandle } from "@/db/client";
import { testTargets, type TestDb } from "@/db/testing";
import { CLIENT_IP_HEADER } from "@/lib/reports/client-ip";
import { POST as postReport } from "./reports/route";
import { GET as getServices } from "./services/route";
import { GET as getSnapshot } from "./services/[slug]/snapshot/route";
import { GET as getRegions } from "./regions/[country]/route";

const report = (body: unknown, ip = "203.0.113.50", type = "application/json") =>
  postReport(
    new Request("http://localhost/api/v1/reports", {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": type, [CLIENT_IP_HEADER]: ip, "user-agent": "api-test" },
    }),
  );

describe.each(testTargets())("JSON API on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open();
    setDbHandle(t.handle);
  });
  afterAll(async () => {
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

  it("refuses malformed JSON (400), other media types (415) and big bodies (413)", async () => {
    expect((await report("{oops")).status).toBe(400);
    expect((await report("{}", undefined, "text/plain")).status).toBe(415);
    expect((await report({ service: "tiktok", symptom: "login", country: "US", text: "x".repeat(8000) })).status).toBe(
      413,
    );
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

  it("GET /api/v1/regions/:country lists subdivisions", async () => {
    const response = await getRegions(new Request("http://localhost"), { params: Promise.resolve({ country: "de" }) });
    const body = (await response.json()) as Array<{ code: string }>;
    expect(body.map((s) => s.code)).toContain("DE-BY");
    const bad = await getRegions(new Request("http://localhost"), { params: Promise.resolve({ country: "QQ" }) });
    expect(bad.status).toBe(404);
  });
});
