import { BAND_LABELS } from "@/lib/regions/bands";
import type { RegionRow } from "@/lib/queries/region-map";

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
