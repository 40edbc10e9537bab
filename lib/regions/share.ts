import { MIN_REGION_REPORTERS } from "./anomaly";

/**
 * An incident's map shades each country by its share of the incident's reports, not by anomaly: the
 * question there is "where was it?", and the incident itself is the anomaly. Countries under the
 * privacy minimum are not told apart from countries with no reports at all.
 */
export const SHARE_BANDS = ["share-none", "share-1", "share-2", "share-3", "share-4"] as const;
export type ShareBand = (typeof SHARE_BANDS)[number];

export function shareBand(reporters: number, total: number): ShareBand {
  if (reporters < MIN_REGION_REPORTERS || total <= 0) return "share-none";
  const share = reporters / total;
  return share >= 0.5 ? "share-4" : share >= 0.25 ? "share-3" : share >= 0.1 ? "share-2" : "share-1";
}

/** A share as people read it: "62%", and "<1%" rather than a misleading "0%". */
export function formatShare(reporters: number, total: number, locale = "en"): string {
  if (total <= 0) return "–";
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const share = reporters / total;
  return share < 0.01 ? `<${percent.format(0.01)}` : percent.format(share);
}

/**
 * The countries an incident's map is framed on: those with a tenth of the reports or more when
 * together they hold most of them (an outage in one country: zoomed in); otherwise all it lists (a
 * spread-out outage: the largest country alone would hide the others).
 */
export function framedOn(regions: Array<{ code: string; reporters: number }>, total: number): string[] {
  const major = regions.filter((r) => r.reporters >= 0.1 * total);
  return major.reduce((a, r) => a + r.reporters, 0) >= 0.5 * total
    ? major.map((r) => r.code)
    : regions.map((r) => r.code);
}
