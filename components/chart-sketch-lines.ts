import { nice, ticks } from "d3-array";
import { curveMonotoneX, curveStepAfter, line, type CurveFactory } from "d3-shape";
import type { SeriesPoint } from "@/lib/services/snapshot";
import { SKETCH_H, sketchX } from "./chart-sketch-box";

// Whole units are under a pixel in a box this size; d3's default of three decimals doubled the paths,
// which the page carries twice (in its HTML and in the payload that hydrates it).
const DIGITS = 0;

/** The sketch's value axis and its three lines as SVG paths in the 1000-unit box. */
export interface SketchLines {
  top: number;
  yTicks: number[];
  /** Reporters per bucket; the shaded area under it is this line closed down to the axis. */
  reporters: string;
  expected: string;
  threshold: string;
}

/** The value axis both drawings share: from zero to a round number, integer ticks only. */
export function valueAxis(series: SeriesPoint[]): { top: number; ticks: number[] } {
  const highest = Math.max(1, ...series.flatMap((p) => [p.reporters, p.expected ?? 0, p.threshold ?? 0]));
  const [, top] = nice(0, highest, 4);
  return { top, ticks: ticks(0, top, 4).filter(Number.isInteger) };
}

/**
 * Drawn where the page is rendered, so a phone hydrating the page runs none of d3; the browser loads
 * this module only to redraw after a live update.
 */
export function sketchLines(series: SeriesPoint[]): SketchLines {
  const { top, ticks: yTicks } = valueAxis(series);
  const y = (v: number) => SKETCH_H - (v / top) * SKETCH_H;
  const x = (i: number) => sketchX(i, series.length);
  // One line per value; a bucket without one (no baseline yet) leaves a gap.
  const draw = (value: (p: SeriesPoint) => number | null, curve: CurveFactory) =>
    line<SeriesPoint>()
      .defined((p) => value(p) !== null)
      .x((_, i) => x(i))
      .y((p) => y(value(p) ?? 0))
      .curve(curve)
      .digits(DIGITS)(series) ?? "";
  return {
    top,
    yTicks,
    reporters: draw((p) => p.reporters, curveMonotoneX),
    expected: draw((p) => p.expected, curveMonotoneX),
    threshold: draw((p) => p.threshold, curveStepAfter),
  };
}
