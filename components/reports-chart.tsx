"use client";

import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesPoint } from "@/lib/queries/service-snapshot";

const time = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/**
 * Distinct reporters per bucket over the last 24 hours. Recharts' accessibility layer lets keyboard
 * users step through the points; the page also offers the same numbers as a table.
 */
export function ReportsChart({ series, bucketMinutes }: { series: SeriesPoint[]; bucketMinutes: number }) {
  return (
    <div
      className="chart"
      role="figure"
      aria-label={`Chart of people reporting per ${bucketMinutes} minutes over the last 24 hours; use the arrow keys to step through it, or open the table below`}
      data-testid="reports-chart"
    >
      <AreaChart
        responsive
        data={series}
        style={{ width: "100%", height: "100%" }}
        margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="t" tickFormatter={time} minTickGap={40} stroke="var(--muted)" fontSize={12} />
        <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={12} width={48} />
        <Tooltip
          labelFormatter={(label) => `${time(String(label))} (${bucketMinutes} min)`}
          formatter={(value) => [value, "Reports"]}
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
      </AreaChart>
    </div>
  );
}
