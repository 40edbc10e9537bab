import type { SeriesPoint, SnapshotIncident } from "@/lib/services/snapshot";
import { useLocale } from "next-intl";
import { formatLocalTime, formatUtcTime } from "@/lib/text/format";
import { timeTicks } from "@/lib/text/time-ticks";
import { bucketAt, SKETCH_H as H, SKETCH_W as W, sketchX } from "./chart-sketch-box";
import type { SketchLines } from "./chart-sketch-lines";
import styles from "./chart-sketch.module.css";

/**
 * The reports chart drawn without recharts: in the page's HTML (so it shows before any JavaScript
 * runs, and without it), and cheap enough to redraw on every live update. It draws what the
 * interactive chart draws — reports, the usual level, the alarm level, shaded incidents — on the
 * same margins, which the interactive chart replaces when someone reaches for it. Its lines come
 * drawn (`sketchLines`) for the series it is given.
 */
export function ChartSketch({
  series,
  lines,
  incidents,
  zone,
}: {
  series: SeriesPoint[];
  lines: SketchLines;
  incidents: SnapshotIncident[];
  /** "utc" where the viewer's time zone is unknown: on the server and until hydration. */
  zone: "local" | "utc";
}) {
  const y = (v: number) => H - (v / lines.top) * H;
  const index = new Map(series.map((p, i) => [p.t, i]));
  const xOf = (t: string | undefined) => sketchX(t === undefined ? 0 : (index.get(t) ?? 0), series.length);
  const xTicks = timeTicks(
    series.map((p) => p.t),
    { utc: zone === "utc" },
  );
  const locale = useLocale();
  const label = (iso: string) => (zone === "utc" ? formatUtcTime : formatLocalTime)(iso, false, locale);
  const area = lines.reporters
    ? `${lines.reporters}L${sketchX(series.length - 1, series.length)},${H}L${sketchX(0, series.length)},${H}Z`
    : "";

  return (
    <div className="chart-sketch" aria-hidden="true" data-testid="chart-sketch">
      <svg
        className={styles["chart-sketch-plot"]}
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        focusable="false"
      >
        {lines.yTicks.map((v) => (
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
        <path d={area} className={styles["chart-sketch-area"]} data-line="area" />
        <path d={lines.reporters} className={styles["chart-sketch-reports"]} data-line="reports" />
        <path d={lines.expected} className={styles["chart-sketch-expected"]} data-line="expected" />
        <path d={lines.threshold} className={styles["chart-sketch-threshold"]} data-line="threshold" />
      </svg>
      {lines.yTicks.map((v) => (
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
