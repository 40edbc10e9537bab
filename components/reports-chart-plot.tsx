"use client";

import { Area, ComposedChart, CartesianGrid, Line, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale, useTranslations } from "next-intl";
import { formatLocalTime } from "@/lib/text/format";
import { timeTicks } from "@/lib/text/time-ticks";
import type { SeriesPoint, SnapshotIncident } from "@/lib/services/snapshot";
import { bucketAt } from "./chart-sketch-box";
import { valueAxis } from "./chart-sketch-lines";

const noLines = () => [];

export interface ReportsChartProps {
  series: SeriesPoint[];
  incidents: SnapshotIncident[];
  bucketMinutes: number;
}

/** The interactive recharts drawing inside ReportsChart's figure, loaded on its own when wanted. */
export default function ReportsChartPlot({ series, incidents, bucketMinutes }: ReportsChartProps) {
  const values = valueAxis(series);
  const locale = useLocale();
  const t = useTranslations("Chart");
  const time = (iso: string) => formatLocalTime(iso, false, locale);
  return (
    <ComposedChart
      responsive
      data={series}
      style={{ width: "100%", height: "100%" }}
      margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
    >
      {/* No vertical lines, and no generator for them: recharts would still measure every x label. */}
      <CartesianGrid
        stroke="var(--border)"
        strokeDasharray="3 3"
        vertical={false}
        verticalCoordinatesGenerator={noLines}
      />
      {/* Given ticks and interval 0: recharts would otherwise measure every label in the DOM. */}
      <XAxis
        dataKey="t"
        ticks={timeTicks(series.map((p) => p.t))}
        interval={0}
        tickFormatter={time}
        stroke="var(--muted)"
        fontSize={12}
      />
      <YAxis
        domain={[0, values.top]}
        ticks={values.ticks}
        interval={0}
        stroke="var(--muted)"
        fontSize={12}
        width={48}
      />
      {incidents.map((i) => (
        <ReferenceArea
          key={i.id}
          x1={bucketAt(series, i.startedAt)}
          x2={bucketAt(series, i.endedAt)}
          fill={i.level === "outage" ? "var(--outage)" : "var(--possible)"}
          fillOpacity={0.12}
          ifOverflow="visible"
        />
      ))}
      <Tooltip
        labelFormatter={(label) => `${time(String(label))} (${bucketMinutes} min)`}
        formatter={(value, name) => [value ?? "–", name]}
        contentStyle={{
          background: "var(--surface)",
          border: "1px solid var(--border)",
          borderRadius: 8,
          color: "var(--text)",
        }}
      />
      <Area
        type="monotone"
        dataKey="reporters"
        name={t("peopleReporting")}
        stroke="var(--chart-line)"
        strokeWidth={2}
        fill="var(--chart-fill)"
        isAnimationActive={false}
      />
      <Line
        type="monotone"
        dataKey="expected"
        name={t("usual")}
        stroke="var(--muted)"
        strokeWidth={1.5}
        strokeDasharray="6 4"
        dot={false}
        isAnimationActive={false}
      />
      <Line
        type="stepAfter"
        dataKey="threshold"
        name={t("alarmLevel")}
        stroke="var(--outage)"
        strokeWidth={1.25}
        strokeDasharray="2 3"
        dot={false}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}
