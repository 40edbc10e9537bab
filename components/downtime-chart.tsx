"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

/** Hours of downtime for the worst services, as bars; the table beside it has every number. */
export function DowntimeChart({ data }: { data: Array<{ name: string; hours: number }> }) {
  return (
    <div
      className="chart"
      role="figure"
      aria-label="Bar chart of hours of downtime for the services with the most; the table below has the same numbers"
      data-testid="downtime-chart"
    >
      <BarChart
        responsive
        data={data}
        layout="vertical"
        style={{ width: "100%", height: "100%" }}
        margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" stroke="var(--muted)" fontSize={12} unit=" h" />
        <YAxis type="category" dataKey="name" stroke="var(--muted)" fontSize={12} width={110} interval={0} />
        <Tooltip
          formatter={(value) => [`${value} h`, "Downtime"]}
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }}
        />
        <Bar dataKey="hours" name="Downtime" fill="var(--chart-line)" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
