import type { SeriesPoint } from "@/lib/services/snapshot";

// Drawing space of the sketch; the SVG stretches it over the box, strokes keep their pixel widths.
export const SKETCH_W = 1000;
export const SKETCH_H = 1000;

/** Where the i-th of `count` buckets sits across the box; a lone bucket sits in the middle. */
export function sketchX(i: number, count: number): number {
  return count > 1 ? (i / (count - 1)) * SKETCH_W : SKETCH_W / 2;
}

/** The bucket (an x value of the chart) that contains an instant, clamped to the chart. */
export function bucketAt(series: SeriesPoint[], iso: string | null): string | undefined {
  if (series.length === 0) return undefined;
  const at = iso ? new Date(iso).getTime() : Infinity;
  let found = series[0]!.t;
  for (const p of series) if (new Date(p.t).getTime() <= at) found = p.t;
  return found;
}
