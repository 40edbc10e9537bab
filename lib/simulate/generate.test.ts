import { describe, expect, it } from "vitest";
import { CATALOG } from "@/db/catalog";
import { generateReports, SYMPTOM_TEXTS, TEXTS } from "./generate";
import { reportInputSchema } from "@/lib/reports/schemas";
import { outagesBetween, outageShape } from "./outages";
import { profileFor } from "./profiles";
import { scenarioOutages } from "./scenarios";

const services = CATALOG.map((s) => ({
  slug: s.slug,
  symptoms: s.symptoms.map((x) => x.slug),
  profile: profileFor(s),
}));
const from = Date.parse("2026-06-01T00:00:00Z");
const DAY = 86_400_000;

describe("traffic simulator", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = generateReports(7, services, from, from + 3_600_000);
    expect(generateReports(7, services, from, from + 3_600_000)).toEqual(a);
    expect(generateReports(8, services, from, from + 3_600_000)).not.toEqual(a);
  });

  it("gives busy services far more reports than quiet ones, in time order, with valid fields", () => {
    const day = generateReports(1, services, from, from + DAY);
    const count = (slug: string) => day.filter((r) => r.slug === slug).length;
    expect(count("instagram")).toBeGreaterThan(10 * Math.max(1, count("vercel")));
    for (let i = 1; i < day.length; i++) expect(day[i]!.createdAt >= day[i - 1]!.createdAt).toBe(true);
    const symptoms = new Map(services.map((s) => [s.slug, new Set(s.symptoms)]));
    expect(day.every((r) => symptoms.get(r.slug)!.has(r.symptom))).toBe(true);
    expect(day.every((r) => !r.subdivision || r.subdivision.startsWith(`${r.country}-`))).toBe(true);
    expect(day.every((r) => r.createdAt.getTime() >= from && r.createdAt.getTime() < from + DAY)).toBe(true);
  });

  it("writes comments that fit the reported problem, and that the report form would accept", () => {
    const texts = generateReports(1, services, from, from + DAY).filter((r) => r.text !== null);
    expect(texts.length).toBeGreaterThan(100);
    for (const r of texts) {
      expect([...(SYMPTOM_TEXTS[r.symptom] ?? []), ...TEXTS]).toContain(r.text);
      const input = { service: r.slug, symptom: r.symptom, country: r.country, text: r.text };
      expect(reportInputSchema.safeParse(input).success).toBe(true);
    }
    const login = texts.filter((r) => r.symptom === "login").map((r) => r.text!);
    expect(login.some((t) => SYMPTOM_TEXTS.login!.includes(t))).toBe(true);
    expect(login.some((t) => TEXTS.includes(t))).toBe(true);
  });

  it("keeps a regional service in its market", () => {
    const day = generateReports(1, services, from, from + DAY).filter((r) => r.slug === "telekom");
    expect(day.length).toBeGreaterThan(0);
    expect(day.every((r) => r.country === "DE")).toBe(true);
  });

  it("schedules outages that raise the service's reports far above its usual rate", () => {
    const outages = outagesBetween(3, from, from + 14 * DAY, services);
    expect(outages.length).toBeGreaterThan(10);
    const o = outages.find((x) => x.end - x.start >= 30 * 60_000 && !x.country)!;
    expect(outageShape(o, o.start + 20 * 60_000)).toBe(1);
    expect(outageShape(o, o.start - 1)).toBe(0);
    const during = generateReports(3, services, o.start + 10 * 60_000, o.start + 30 * 60_000).filter(
      (r) => r.slug === o.slug,
    ).length;
    const before = generateReports(3, services, o.start - 3 * 3_600_000, o.start - 3 * 3_600_000 + 20 * 60_000).filter(
      (r) => r.slug === o.slug,
    ).length;
    expect(during).toBeGreaterThan(2 * Math.max(3, before));
  });

  it("makes the California scenario plain against the state's own level at its busiest and quietest hours", () => {
    const californians = (seed: number, start: number, scripted: boolean) =>
      generateReports(
        seed,
        services,
        start - 3_600_000,
        start,
        scripted ? scenarioOutages(["california"], start, services) : [],
      ).filter((r) => r.slug === "spectrum" && r.subdivision === "US-CA").length;
    // 02:00 UTC is the evening peak in California; 14:00 UTC its early-morning low.
    for (const start of [Date.parse("2026-06-03T02:00:00Z"), Date.parse("2026-06-03T14:00:00Z")]) {
      const usual = [1, 2, 3, 4].reduce((sum, seed) => sum + californians(seed, start, false), 0) / 4;
      const during = [1, 2, 3, 4].reduce((sum, seed) => sum + californians(seed, start, true), 0) / 4;
      expect(during).toBeGreaterThan(5 * Math.max(1, usual));
    }
  });

  it("agrees with itself whether a window is generated at once or in pieces (same outages)", () => {
    const whole = outagesBetween(5, from, from + DAY, services);
    const halves = [
      ...outagesBetween(5, from, from + DAY / 2, services),
      ...outagesBetween(5, from + DAY / 2, from + DAY, services),
    ];
    for (const o of whole) expect(halves).toContainEqual(o);
  });
});
