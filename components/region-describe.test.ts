import { describe, expect, it } from "vitest";
import type { AnomalyBand } from "@/lib/regions/bands";
import { createTranslator } from "next-intl";
import { mapSummary, previewSummary as summaryIn } from "./region-describe";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";

const english = createTranslator({ locale: "en", messages: en, namespace: "MapPreview" });
const previewSummary = (rows: Parameters<typeof summaryIn>[0]) => summaryIn(rows, english as never);

const row = (name: string, band: AnomalyBand, reporters: number | null = 40) => ({
  code: name.slice(0, 2).toUpperCase(),
  name,
  band,
  reporters,
  expected: 10,
  ratio: reporters === null ? null : reporters / 10,
  score: 0,
});
const world = { subject: "all services", place: "by country", regionLabel: "Country", when: "last hour" };

describe("map summaries", () => {
  it("name a region the map shades 'above usual' instead of saying no region is", () => {
    const rows = [row("United States", "elevated"), row("Germany", "normal")];
    expect(mapSummary(rows, world)).toBe(
      "Above usual for all services by country, last hour: United States; nowhere far above it.",
    );
    expect(previewSummary(rows)).toBe(
      "Reports in the last hour are above usual in United States, but nowhere far above it.",
    );
  });

  it("lead with the regions far above usual, then the milder ones", () => {
    const rows = [row("Germany", "severe"), row("France", "high"), row("Spain", "elevated"), row("Italy", "normal")];
    expect(mapSummary(rows, { ...world, subject: "WhatsApp" })).toBe(
      "Unusual reports for WhatsApp by country, last hour: Germany and France. Above usual, less markedly: Spain.",
    );
    expect(previewSummary(rows)).toBe(
      "Unusual reports in the last hour from Germany and France. Above usual, less markedly: Spain.",
    );
  });

  it("say when nothing stands out, and where most reports come from", () => {
    const rows = [row("Japan", "normal", 90), row("India", "normal", 50), row("Chad", "too-few", null)];
    expect(mapSummary(rows, world)).toBe("No country shows unusual reports for all services, last hour.");
    const germany = { ...world, place: "in Germany", regionLabel: "Region" };
    expect(mapSummary(rows, germany)).toBe("No region in Germany shows unusual reports for all services, last hour.");
    expect(previewSummary(rows)).toBe(
      "No country is above its usual level in the last hour. Most reports come from Japan and India.",
    );
    expect(previewSummary([row("Chad", "too-few", null)])).toBe(
      "Too few reports in the last hour to show any country.",
    );
  });

  it("summarise a service's map in the page's language, naming countries in it", () => {
    const french = createTranslator({ locale: "fr", messages: fr, namespace: "MapPreview" });
    const rows = [row("Germany", "severe"), row("Spain", "high")].map((r, i) => ({ ...r, code: ["DE", "ES"][i]! }));
    const names = new Intl.DisplayNames("fr", { type: "region" });
    expect(summaryIn(rows, french as never, "fr", (r) => names.of(r.code)!)).toBe(
      "Signalements inhabituels au cours de la dernière heure en provenance de : Allemagne et Espagne.",
    );
  });
});
