"use client";

import { IntentLink } from "./intent-link";
import { useState } from "react";
import type { ServiceComparison } from "@/lib/services/compare";
import { formatDuration } from "@/lib/text/duration";
import { SortHeader } from "./sort-header";
import { formatCount } from "@/lib/text/format";

type Key = "name" | "incidents" | "downtimeMinutes" | "downtimePerYearMinutes" | "medianResolveMinutes" | "reporters";
const COLUMNS: Array<{ key: Key; label: string }> = [
  { key: "name", label: "Service" },
  { key: "incidents", label: "Incidents" },
  { key: "downtimeMinutes", label: "Downtime" },
  { key: "downtimePerYearMinutes", label: "Downtime a year" },
  { key: "medianResolveMinutes", label: "Median time to resolve" },
  { key: "reporters", label: "People reporting" },
];

const minutes = (m: number | null) => (m === null ? "–" : formatDuration(m));

/** Services side by side; worst first until a column header re-sorts it (and says so). */
export function CompareTable({ rows, caption }: { rows: ServiceComparison[]; caption: string }) {
  const [sort, setSort] = useState<{ key: Key; descending: boolean }>({ key: "downtimeMinutes", descending: true });
  const sorted = [...rows].sort((a, b) => {
    const d =
      sort.key === "name"
        ? a.name.localeCompare(b.name, "en")
        : (a[sort.key] ?? -1) - (b[sort.key] ?? -1) || a.name.localeCompare(b.name, "en");
    return sort.descending ? -d : d;
  });
  return (
    <div className="data-table-wrap data-table-tall" tabIndex={0} role="region" aria-label={caption}>
      <table className="data" data-testid="compare-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              return (
                <SortHeader
                  key={c.key}
                  label={c.label}
                  numeric={c.key !== "name"}
                  direction={active ? (sort.descending ? "descending" : "ascending") : undefined}
                  onSort={() => setSort({ key: c.key, descending: active ? !sort.descending : c.key !== "name" })}
                />
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.slug}>
              <th scope="row">
                <IntentLink href={`/status/${r.slug}/incidents`}>{r.name}</IntentLink>
              </th>
              <td className="num">{r.incidents}</td>
              <td className="num" data-minutes={r.downtimeMinutes}>
                {minutes(r.downtimeMinutes)}
              </td>
              <td className="num">{minutes(r.downtimePerYearMinutes)}</td>
              <td className="num">{minutes(r.medianResolveMinutes)}</td>
              <td className="num">{formatCount(r.reporters)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
