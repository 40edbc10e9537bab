import { describe, expect, it } from "vitest";
import type { AnomalyBand } from "@/lib/regions/bands";
import { createTranslator } from "next-intl";
import { describeRegion, mapSummary as summaryOf, previewSummary as summaryIn, type MapScope } from "./region-describe";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import de from "@/lib/i18n/messages/de.json";

const english = createTranslator({ locale: "en", messages: en, namespace: "MapPreview" });
const previewSummary = (rows: Parameters<typeof summaryIn>[0]) => summaryIn(rows, english as never);
const maps = createTranslator({ locale: "en", messages: en, namespace: "Maps" });
const mapSummary = (rows: Parameters<typeof summaryOf>[0], scope: MapScope) => summaryOf(rows, scope, maps as never);

const row = (name: string, band: AnomalyBand, reporters: number | null = 40) => ({
  code: name.slice(0, 2).toUpperCase(),
  name,
  band,
  reporters,
  expected: 10,
  ratio: reporters === null ? null : reporters / 10,
  score: 0,
});
const world: MapScope = { subject: "all services", country: null, level: "country", window: "1h" };

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
    const germany: MapScope = { ...world, country: "Germany", level: "region" };
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

  it("say a map page's summary in the page's language, with its time window", () => {
    const german = createTranslator({ locale: "de", messages: de, namespace: "Maps" });
    const rows = [row("Bayern", "severe"), row("Berlin", "high"), row("Hessen", "normal")];
    const scope: MapScope = { subject: "WhatsApp", country: "Deutschland", level: "region", window: "6h" };
    expect(summaryOf(rows, scope, german as never, "de")).toBe(
      "Ungewöhnlich viele Meldungen für WhatsApp (Deutschland), letzte 6 Stunden: Bayern und Berlin.",
    );
    expect(
      summaryOf(
        [row("Hessen", "normal")],
        { ...scope, level: "state", country: "Vereinigte Staaten" },
        german as never,
        "de",
      ),
    ).toBe("Kein Bundesstaat (Vereinigte Staaten) zeigt ungewöhnlich viele Meldungen für WhatsApp, letzte 6 Stunden.");
  });
});

describe("a region's description", () => {
  const band = (b: string) => b;
  it("gives its numbers in words, formatted for the page's language", () => {
    const r = { ...row("Germany", "severe", 41), expected: 2.25, ratio: 18.2 };
    expect(describeRegion(r, "Germany", maps as never, band)).toBe(
      "Germany: 41 people reporting, 18 times the usual 2.3. severe.",
    );
    const german = createTranslator({ locale: "de", messages: de, namespace: "Maps" });
    const small = { ...row("Bayern", "elevated", 1), expected: 0.01, ratio: 4.5 };
    expect(describeRegion(small, "Bayern", german as never, band, "de")).toBe(
      "Bayern: 1 Person meldet Probleme, das 4,5-Fache des Üblichen (<0,1). elevated.",
    );
    expect(describeRegion(undefined, "Chad", maps as never, band)).toBe("Chad: too few reports to show.");
  });
});
