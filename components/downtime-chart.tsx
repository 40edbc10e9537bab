"use client";

import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

/** Hours of downtime for the worst services, as bars; the table beside it has every number. */
export function DowntimeChart({
  data,
  words,
}: {
  data: Array<{ name: string; hours: number }>;
  /** In the page's language: the chart's accessible name, the series' name, and the unit after hours. */
  words: { label: string; downtime: string; hoursUnit: string };
}) {
  const number = new Intl.NumberFormat(useLocale(), { maximumFractionDigits: 1 });
  const hours = (value: unknown) => `${number.format(Number(value))} ${words.hoursUnit}`;
  return (
    <div className="chart" role="figure" aria-label={words.label} data-testid="downtime-chart">
      <BarChart
        responsive
        data={data}
        layout="vertical"
        style={{ width: "100%", height: "100%" }}
        margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" stroke="var(--muted)" fontSize={12} tickFormatter={hours} />
        <YAxis type="category" dataKey="name" stroke="var(--muted)" fontSize={12} width={110} interval={0} />
        <Tooltip
          formatter={(value) => [hours(value), words.downtime]}
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }}
        />
        <Bar dataKey="hours" name={words.downtime} fill="var(--chart-line)" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
