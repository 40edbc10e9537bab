import { BAND_LABELS } from "@/lib/regions/bands";
import type { RegionRow } from "@/lib/regions/map-data";
import { nameList } from "@/lib/text/name-list";

/** A region as the map and table show it: its numbers plus, where there is one, its drill-down page. */
export interface MapRow extends RegionRow {
  href?: string;
}

export function formatRatio(ratio: number): string {
  return ratio >= 10 ? String(Math.round(ratio)) : ratio.toFixed(1);
}

/** A usual level: one decimal, but never a bare "0.0" for a small, real expectation. */
export function formatUsual(expected: number): string {
  return expected > 0 && expected < 0.05 ? "<0.1" : expected.toFixed(1);
}

/** What a region's tooltip and accessible name say: the same numbers as its table row, in words. */
export function describeRegion(r: RegionRow | undefined, name: string): string {
  if (!r || r.reporters === null) return `${name}: too few reports to show.`;
  const people = `${r.reporters} ${r.reporters === 1 ? "person" : "people"} reporting`;
  const usual =
    r.expected === null || r.ratio === null
      ? ", no usual level yet"
      : `, ${formatRatio(r.ratio)} times the usual ${formatUsual(r.expected)}`;
  return `${name}: ${people}${usual}. ${BAND_LABELS[r.band]}.`;
}

/**
 * The regions a summary names, by the map's bands: far above usual or worse ("unusual"), and the
 * milder "above usual", which the map shades too and so the words must not deny.
 */
function regionsByConcern(rows: readonly RegionRow[]): { unusual: string[]; above: string[]; alsoAbove: string } {
  const above = rows.filter((r) => r.band === "elevated").map((r) => r.name);
  return {
    unusual: rows.filter((r) => r.band === "high" || r.band === "severe").map((r) => r.name),
    above,
    /** Said after the unusual ones. */
    alsoAbove: above.length ? ` Above usual, less markedly: ${nameList(above)}.` : "",
  };
}

/** A map page's summary: "Unusual reports for WhatsApp by country, last hour: Germany." */
export function mapSummary(
  rows: readonly RegionRow[],
  o: { subject: string; place: string; regionLabel: string; when: string },
): string {
  const { unusual, above, alsoAbove } = regionsByConcern(rows);
  if (unusual.length > 0)
    return `Unusual reports for ${o.subject} ${o.place}, ${o.when}: ${nameList(unusual)}.${alsoAbove}`;
  if (above.length > 0)
    return `Above usual for ${o.subject} ${o.place}, ${o.when}: ${nameList(above)}; nowhere far above it.`;
  // "No country shows…" already says "by country"; "No region in Germany shows…" needs its place.
  const where = o.place.startsWith("by ") ? "" : ` ${o.place}`;
  return `No ${o.regionLabel.toLowerCase()}${where} shows unusual reports for ${o.subject}, ${o.when}.`;
}

/** A translator for the "MapPreview" messages (next-intl's, or createTranslator's in tests). */
export type PreviewTranslator = (key: string, values?: Record<string, string>) => string;

/**
 * A service page's map summary, for the last hour by country, in the page's language: `name` gives
 * a country's name in it, `locale` joins the names as that language does.
 */
export function previewSummary(
  rows: readonly RegionRow[],
  t: PreviewTranslator,
  locale = "en",
  name: (row: RegionRow) => string = (r) => r.name,
): string {
  const list = (picked: readonly RegionRow[]) => nameList(picked.map(name), 5, "and", locale);
  const unusual = rows.filter((r) => r.band === "high" || r.band === "severe");
  const above = rows.filter((r) => r.band === "elevated");
  if (unusual.length > 0) {
    const also = above.length ? ` ${t("alsoAbove", { list: list(above) })}` : "";
    return `${t("unusual", { list: list(unusual) })}${also}`;
  }
  if (above.length > 0) return t("above", { list: list(above) });
  const busiest = rows.filter((r) => r.reporters !== null).slice(0, 3);
  return busiest.length > 0 ? t("busiest", { list: list(busiest) }) : t("tooFew");
}
