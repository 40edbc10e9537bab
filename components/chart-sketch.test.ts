import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SeriesPoint } from "@/lib/services/snapshot";
import { IntlProvider } from "next-intl";
import { ChartSketch } from "./chart-sketch";
import { bucketAt } from "./chart-sketch-box";
import { sketchLines, valueAxis } from "./chart-sketch-lines";

const series: SeriesPoint[] = Array.from({ length: 96 }, (_, i) => ({
  t: new Date(Date.UTC(2026, 10, 29, 5, 15) + i * 15 * 60_000).toISOString(),
  reports: 10,
  reporters: i === 50 ? 37 : 8,
  expected: 7.5,
  threshold: i < 48 ? 21 : 23,
}));

describe("the chart's value axis", () => {
  it("runs from zero to a round number above every line, with whole-number ticks", () => {
    const { top, ticks } = valueAxis(series);
    expect(top).toBe(40);
    expect(ticks).toEqual([0, 10, 20, 30, 40]);
  });

  it("keeps whole numbers for a quiet service", () => {
    const quiet = series.map((p) => ({ ...p, reporters: 1, expected: 0.3, threshold: 2 }));
    expect(valueAxis(quiet).ticks.every(Number.isInteger)).toBe(true);
    expect(valueAxis(quiet).top).toBeGreaterThanOrEqual(2);
  });
});

describe("ChartSketch", () => {
  it("draws the lines and the incident, with times in UTC where the viewer's zone is unknown", () => {
    const html = renderToStaticMarkup(
      // The provider's own props type wants children among them; React takes them as an argument.
      createElement(
        IntlProvider as unknown as React.FC<{ locale: string; messages: object }>,
        { locale: "en", messages: {} },
        createElement(ChartSketch, {
          series,
          lines: sketchLines(series),
          incidents: [{ id: 1, level: "outage", startedAt: series[40]!.t, endedAt: series[60]!.t }],
          zone: "utc",
        }),
      ),
    );
    for (const line of ["reports", "expected", "threshold"]) {
      expect(html).toMatch(new RegExp(`d="M[^"]+" class="[^"]*" data-line="${line}"`));
    }
    // The shaded area is the reporters' line closed down along the axis.
    const reportsLine = /d="(M[^"]+)" class="[^"]*" data-line="reports"/.exec(html)![1];
    expect(html).toContain(`d="${reportsLine}L1000,1000L0,1000Z" class`);
    // The shaded incident spans buckets 40 to 60 of 95: x from 421 to 632 of 1000.
    expect(html).toMatch(/<rect x="421\.0\d*" y="0" width="210\.5\d*"/);
    expect(html).toContain(">06:00 UTC<");
    expect(html).toContain('aria-hidden="true"');
  });

  it("finds the bucket an instant falls in, clamped to the chart", () => {
    expect(bucketAt(series, "2026-11-29T05:20:00Z")).toBe(series[0]!.t);
    expect(bucketAt(series, "2020-01-01T00:00:00Z")).toBe(series[0]!.t);
    expect(bucketAt(series, null)).toBe(series[95]!.t);
  });
});
