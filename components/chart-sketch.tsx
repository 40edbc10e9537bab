import { nice, ticks } from "d3-array";
import { area, curveMonotoneX, curveStepAfter, line } from "d3-shape";
import type { SeriesPoint, SnapshotIncident } from "@/lib/services/snapshot";
import { useLocale } from "next-intl";
import { useMemo } from "react";
import { formatLocalTime, formatUtcTime } from "@/lib/text/format";
import { timeTicks } from "@/lib/text/time-ticks";
import styles from "./chart-sketch.module.css";

// Drawing space of the plot; the SVG stretches it over the box, strokes keep their pixel widths.
const W = 1000;
const H = 1000;
// Whole units are under a pixel in a box this size; d3's default of three decimals doubled the paths,
// which the page carries twice (in its HTML and in the payload that hydrates it).
const DIGITS = 0;

/** The bucket (an x value of the chart) that contains an instant, clamped to the chart. */
export function bucketAt(series: SeriesPoint[], iso: string | null): string | undefined {
  if (series.length === 0) return undefined;
  const at = iso ? new Date(iso).getTime() : Infinity;
  let found = series[0]!.t;
  for (const p of series) if (new Date(p.t).getTime() <= at) found = p.t;
  return found;
}

/** The value axis both drawings share: from zero to a round number, integer ticks only. */
export function valueAxis(series: SeriesPoint[]): { top: number; ticks: number[] } {
  const highest = Math.max(1, ...series.flatMap((p) => [p.reporters, p.expected ?? 0, p.threshold ?? 0]));
  const [, top] = nice(0, highest, 4);
  return { top, ticks: ticks(0, top, 4).filter(Number.isInteger) };
}

/** The sketch's scales, value axis and four lines as SVG paths in the 1000-unit box. */
function sketchLines(series: SeriesPoint[]) {
  const { top, ticks: yTicks } = valueAxis(series);
  const y = (v: number) => H - (v / top) * H;
  const x = (i: number) => (series.length > 1 ? (i / (series.length - 1)) * W : W / 2);
  const reporters = area<SeriesPoint>()
    .x((_, i) => x(i))
    .y0(H)
    .y1((p) => y(p.reporters))
    .curve(curveMonotoneX)
    .digits(DIGITS)(series);
  const reportersLine = line<SeriesPoint>()
    .x((_, i) => x(i))
    .y((p) => y(p.reporters))
    .curve(curveMonotoneX)
    .digits(DIGITS)(series);
  const expected = line<SeriesPoint>()
    .defined((p) => p.expected !== null)
    .x((_, i) => x(i))
    .y((p) => y(p.expected ?? 0))
    .curve(curveMonotoneX)
    .digits(DIGITS)(series);
  const threshold = line<SeriesPoint>()
    .defined((p) => p.threshold !== null)
    .x((_, i) => x(i))
    .y((p) => y(p.threshold ?? 0))
    .curve(curveStepAfter)
    .digits(DIGITS)(series);
  return { x, y, yTicks, reporters, reportersLine, expected, threshold };
}

/**
 * The reports chart drawn without recharts: in the page's HTML (so it shows before any JavaScript
 * runs, and without it), and cheap enough to redraw on every live update. It draws what the
 * interactive chart draws — reports, the usual level, the alarm level, shaded incidents — on the
 * same margins, which the interactive chart replaces when someone reaches for it.
 */
export function ChartSketch({
  series,
  incidents,
  zone,
}: {
  series: SeriesPoint[];
  incidents: SnapshotIncident[];
  /** "utc" where the viewer's time zone is unknown: on the server and until hydration. */
  zone: "local" | "utc";
}) {
  // The lines depend on the numbers only: when the clock turns from UTC to the visitor's zone just
  // after hydrating, only the time labels are drawn again.
  const { x, y, yTicks, reporters, reportersLine, expected, threshold } = useMemo(() => sketchLines(series), [series]);
  const index = new Map(series.map((p, i) => [p.t, i]));
  const xOf = (t: string | undefined) => x(t === undefined ? 0 : (index.get(t) ?? 0));
  const xTicks = timeTicks(
    series.map((p) => p.t),
    { utc: zone === "utc" },
  );
  const locale = useLocale();
  const label = (iso: string) => (zone === "utc" ? formatUtcTime : formatLocalTime)(iso, false, locale);

  return (
    <div className="chart-sketch" aria-hidden="true" data-testid="chart-sketch">
      <svg
        className={styles["chart-sketch-plot"]}
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        focusable="false"
      >
        {yTicks.map((v) => (
          <line key={v} className={styles["chart-sketch-grid"]} x1={0} x2={W} y1={y(v)} y2={y(v)} />
        ))}
        {incidents.map((i) => {
          const x1 = xOf(bucketAt(series, i.startedAt));
          const x2 = xOf(bucketAt(series, i.endedAt));
          return (
            <rect
              key={i.id}
              x={x1}
              y={0}
              width={Math.max(0, x2 - x1)}
              height={H}
              fill={i.level === "outage" ? "var(--outage)" : "var(--possible)"}
              fillOpacity={0.12}
            />
          );
        })}
        <path d={reporters ?? ""} className={styles["chart-sketch-area"]} data-line="area" />
        <path d={reportersLine ?? ""} className={styles["chart-sketch-reports"]} data-line="reports" />
        <path d={expected ?? ""} className={styles["chart-sketch-expected"]} data-line="expected" />
        <path d={threshold ?? ""} className={styles["chart-sketch-threshold"]} data-line="threshold" />
      </svg>
      {yTicks.map((v) => (
        <span key={v} className={styles["chart-sketch-y"]} style={{ top: `${(y(v) / H) * 100}%` }}>
          {v}
        </span>
      ))}
      {xTicks.map((t) => (
        <span key={t} className={styles["chart-sketch-x"]} style={{ left: `${(xOf(t) / W) * 100}%` }}>
          {label(t)}
        </span>
      ))}
    </div>
  );
}
