import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rows } from "./client";
import { CATALOG } from "./catalog";
import { seedCatalog } from "./seed";
import { testTargets, type TestDb } from "@/test/db";
import { CATEGORY_SLUGS } from "@/lib/catalog/constants";

describe("catalog", () => {
  it("has at least 40 real services in every category, each well formed", () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(40);
    for (const c of CATEGORY_SLUGS) expect(CATALOG.filter((s) => s.category === c).length, c).toBeGreaterThanOrEqual(4);
    expect(new Set(CATALOG.map((s) => s.slug)).size).toBe(CATALOG.length);
    for (const s of CATALOG) {
      expect(s.slug).toMatch(/^[a-z0-9-]+$/);
      expect(s.website).toMatch(/^https:\/\//);
      if (s.statusPage) expect(s.statusPage).toMatch(/^https:\/\//);
      expect(s.symptoms.length, s.slug).toBeGreaterThanOrEqual(4);
      expect(new Set(s.symptoms.map((x) => x.slug)).size).toBe(s.symptoms.length);
      expect(s.troubleshooting.some((t) => /connection/i.test(t))).toBe(true);
    }
    const tiktok = CATALOG.find((s) => s.slug === "tiktok")!;
    expect(tiktok.symptoms.map((s) => s.label)).toEqual(
      expect.arrayContaining([
        "App crashing",
        "Feed not loading",
        "Video upload",
        "Login",
        "Live streaming",
        "Server connection",
      ]),
    );
    const isp = CATALOG.find((s) => s.slug === "xfinity")!;
    expect(isp.symptoms.map((s) => s.label)).toEqual(
      expect.arrayContaining(["No internet", "Slow speeds", "TV", "Landline"]),
    );
  });
});

describe.each(testTargets())("seedCatalog on $name", (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await target.open(); // already seeded once
  });
  afterAll(() => t.drop());

  it("is idempotent and keeps service ids stable", async () => {
    const before = await rows<{ id: number; slug: string }>(
      t.handle.db,
      sql`select id, slug from services order by id`,
    );
    await seedCatalog(t.handle.db);
    await seedCatalog(t.handle.db);
    const after = await rows<{ id: number; slug: string }>(t.handle.db, sql`select id, slug from services order by id`);
    expect(after).toEqual(before);
    expect(after.length).toBe(CATALOG.length);
    const [status] = await rows<{ n: number }>(t.handle.db, sql`select count(*)::int as n from service_status`);
    expect(status?.n).toBe(CATALOG.length);
  });
});
