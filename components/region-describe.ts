import type { AnomalyBand } from "@/lib/regions/bands";
import type { MapWindowKey, RegionRow } from "@/lib/regions/map-data";
import { nameList } from "@/lib/text/name-list";

/** A region as the map and table show it: its numbers plus, where there is one, its drill-down page. */
export interface MapRow extends RegionRow {
  href?: string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function fixed(value: number, locale: string, decimals: 0 | 1): string {
  const key = `${locale} ${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: false,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

export function formatRatio(ratio: number, locale = "en"): string {
  return fixed(ratio, locale, ratio >= 10 ? 0 : 1);
}

/** A usual level: one decimal, but never a bare "0.0" for a small, real expectation. */
export function formatUsual(expected: number, locale = "en"): string {
  return expected > 0 && expected < 0.05 ? `<${fixed(0.1, locale, 1)}` : fixed(expected, locale, 1);
}

/** A translator for one namespace of messages (next-intl's, or createTranslator's in tests). */
export type Translator = (key: string, values?: Record<string, string | number>) => string;

/**
 * What a region's tooltip and accessible name say: the same numbers as its table row, in words.
 * `t` reads the "Maps" messages, `band` names a band in the page's language.
 */
export function describeRegion(
  r: RegionRow | undefined,
  name: string,
  t: Translator,
  band: (b: AnomalyBand) => string,
  locale = "en",
): string {
  if (!r || r.reporters === null) return t("tooFew", { name });
  const common = { name, count: r.reporters, band: band(r.band) };
  return r.expected === null || r.ratio === null
    ? t("regionNoUsual", common)
    : t("region", { ...common, ratio: formatRatio(r.ratio, locale), usual: formatUsual(r.expected, locale) });
}

/**
 * The regions a summary names, by the map's bands: far above usual or worse ("unusual"), and the
 * milder "above usual", which the map shades too and so the words must not deny.
 */
function byConcern(rows: readonly RegionRow[]): { unusual: RegionRow[]; above: RegionRow[] } {
  return {
    unusual: rows.filter((r) => r.band === "high" || r.band === "severe"),
    above: rows.filter((r) => r.band === "elevated"),
  };
}

/** What a map page covers: one service or all, the world by country or one country by region. */
export interface MapScope {
  /** A service's name, or the words for all services. */
  subject: string;
  /** The country drilled into, in the page's language; null for the world. */
  country: string | null;
  level: RegionLevel;
  window: MapWindowKey;
}

/** What one row of a map is: a country, a US state, or another country's region. */
export type RegionLevel = "country" | "state" | "region";

/** The scope and time a map page's sentences share: "WhatsApp by country", "last hour". */
export function scopeWords(scope: MapScope, t: Translator): { scope: string; when: string } {
  const place = scope.country === null ? t("byCountry") : t("inCountry", { country: scope.country });
  return { scope: t("scope", { subject: scope.subject, place }), when: t("when", { window: scope.window }) };
}

/**
 * A map page's summary, in the page's language ("Unusual reports for WhatsApp by country, last hour:
 * Germany."). It names the regions the map shades by its bands: far above usual or worse
 * ("unusual"), then the milder "above usual", which the map shades too and so the words must not deny.
 */
export function mapSummary(rows: readonly RegionRow[], scope: MapScope, t: Translator, locale = "en"): string {
  const list = (picked: readonly RegionRow[]) =>
    nameList(
      picked.map((r) => r.name),
      5,
      "and",
      locale,
    );
  const { unusual, above } = byConcern(rows);
  const words = scopeWords(scope, t);
  if (unusual.length > 0) {
    const also = above.length ? ` ${t("alsoAbove", { list: list(above) })}` : "";
    return `${t("unusual", { ...words, list: list(unusual) })}${also}`;
  }
  if (above.length > 0) return t("above", { ...words, list: list(above) });
  return t("none", { level: scope.level, country: scope.country ?? "", subject: scope.subject, when: words.when });
}

/**
 * A service page's map summary, for the last hour by country, in the page's language: `name` gives
 * a country's name in it, `locale` joins the names as that language does.
 */
export function previewSummary(
  rows: readonly RegionRow[],
  t: Translator,
  locale = "en",
  name: (row: RegionRow) => string = (r) => r.name,
): string {
  const list = (picked: readonly RegionRow[]) => nameList(picked.map(name), 5, "and", locale);
  const { unusual, above } = byConcern(rows);
  if (unusual.length > 0) {
    const also = above.length ? ` ${t("alsoAbove", { list: list(above) })}` : "";
    return `${t("unusual", { list: list(unusual) })}${also}`;
  }
  if (above.length > 0) return t("above", { list: list(above) });
  const busiest = rows.filter((r) => r.reporters !== null).slice(0, 3);
  return busiest.length > 0 ? t("busiest", { list: list(busiest) }) : t("tooFew");
}
