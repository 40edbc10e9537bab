"use client";

import { Area, ComposedChart, CartesianGrid, Line, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesPoint, SnapshotIncident } from "@/lib/queries/service-snapshot";

const time = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/** The bucket (an x value of the chart) that contains an instant, clamped to the chart. */
function bucketAt(series: SeriesPoint[], iso: string | null): string | undefined {
  if (series.length === 0) return undefined;
  const at = iso ? new Date(iso).getTime() : Infinity;
  let found = series[0]!.t;
  for (const p of series) if (new Date(p.t).getTime() <= at) found = p.t;
  return found;
}

/**
 * Distinct reporters per bucket over the last 24 hours, against what the detector expects and the
 * level that would raise an alarm; incidents are shaded. Recharts' accessibility layer lets keyboard
 * users step through the points; the page also offers the same numbers as a table.
 */
export function ReportsChart({
  series,
  incidents,
  bucketMinutes,
  span = "over the last 24 hours",
}: {
  series: SeriesPoint[];
  incidents: SnapshotIncident[];
  bucketMinutes: number;
  /** What the chart covers, for its accessible name. */
  span?: string;
}) {
  return (
    <div
      className="chart"
      role="figure"
      aria-label={`Chart of people reporting per ${bucketMinutes} minutes ${span} against the usual level; use the arrow keys to step through it, or open the table below`}
      data-testid="reports-chart"
    >
      <ComposedChart
        responsive
        data={series}
        style={{ width: "100%", height: "100%" }}
        margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="t" tickFormatter={time} minTickGap={40} stroke="var(--muted)" fontSize={12} />
        <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={12} width={48} />
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
          name="Reports"
          stroke="var(--chart-line)"
          strokeWidth={2}
          fill="var(--chart-fill)"
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="expected"
          name="Usual level"
          stroke="var(--muted)"
          strokeWidth={1.5}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="threshold"
          name="Alarm level"
          stroke="var(--outage)"
          strokeWidth={1.25}
          strokeDasharray="2 3"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
