"use client";

import { useTranslations } from "next-intl";
import { Component, lazy, Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import type { ReportsChartProps } from "./reports-chart-plot";
import { ChartSketch } from "./chart-sketch";
import type { SketchLines } from "./chart-sketch-lines";
import { useClockZone } from "./local-time";

// Recharts is over a third of the page's JavaScript and most of its start-up work: on a phone it
// held back the answer people came for. So the page carries a drawn sketch of the same chart, and
// the interactive one (tooltips, arrow keys) loads when someone reaches for it: pointer, touch or
// keyboard focus. The box keeps its size throughout, so nothing on the page moves.
const Plot = lazy(() => import("./reports-chart-plot"));

/** Should recharts fail to load (a dropped connection), the sketch stays rather than an error page. */
class KeepSketchOnError extends Component<{ sketch: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.sketch : this.props.children;
  }
}

/**
 * Distinct reporters per bucket against what the detector expects and the level that would raise
 * an alarm; incidents are shaded. The page also offers the same numbers as a table.
 */
export function ReportsChart({
  span = "day",
  lines,
  ...plot
}: ReportsChartProps & {
  /** The sketch's lines, drawn for `series` where the page is rendered (`sketchLines`). */
  lines: SketchLines;
  /** What the chart covers, for its accessible name: the last 24 hours, or around an incident. */
  span?: "day" | "incident";
}) {
  const t = useTranslations("Chart");
  const [wanted, setWanted] = useState<"pointer" | "focus" | null>(null);
  const zone = useClockZone();
  const figure = useRef<HTMLDivElement>(null);
  const sketch = <ChartSketch series={plot.series} lines={lines} incidents={plot.incidents} zone={zone} />;

  // Once recharts has drawn, the box stops being a tab stop of its own; a keyboard user who tabbed
  // to it is moved into recharts' keyboard layer, so the arrow keys work at once.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const box = figure.current;
    if (!wanted || !box) return;
    const upgrade = () => {
      const surface = box.querySelector<SVGElement>("svg.recharts-surface");
      if (!surface) return false;
      if (document.activeElement === box) surface.focus();
      setReady(true);
      return true;
    };
    if (upgrade()) return;
    const observer = new MutationObserver(() => upgrade() && observer.disconnect());
    observer.observe(box, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [wanted]);

  return (
    <div
      ref={figure}
      className="chart"
      role="figure"
      aria-label={t("figure", { minutes: plot.bucketMinutes, span, wanted: wanted ? "yes" : "no" })}
      data-testid="reports-chart"
      tabIndex={ready ? undefined : 0}
      onPointerEnter={() => setWanted((w) => w ?? "pointer")}
      onTouchStart={() => setWanted((w) => w ?? "pointer")}
      onFocus={() => setWanted((w) => w ?? "focus")}
    >
      {wanted ? (
        <KeepSketchOnError sketch={sketch}>
          <Suspense fallback={sketch}>
            <Plot {...plot} />
          </Suspense>
        </KeepSketchOnError>
      ) : (
        sketch
      )}
    </div>
  );
}
