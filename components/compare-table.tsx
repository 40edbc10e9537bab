"use client";

import { IntentLink } from "./intent-link";
import { useState } from "react";
import type { ServiceComparison } from "@/lib/services/compare";
import { formatDuration } from "@/lib/text/duration";
import { SortHeader } from "./sort-header";
import { formatCount } from "@/lib/text/format";
import { useLocale } from "next-intl";

type Key = "name" | "incidents" | "downtimeMinutes" | "downtimePerYearMinutes" | "medianResolveMinutes" | "reporters";
const COLUMNS: Key[] = [
  "name",
  "incidents",
  "downtimeMinutes",
  "downtimePerYearMinutes",
  "medianResolveMinutes",
  "reporters",
];

/**
 * Services side by side; worst first until a column header re-sorts it (and says so). The column
 * headings come from the page, in its language (one table's words need not travel with every page).
 */
export function CompareTable({
  rows,
  caption,
  columns,
}: {
  rows: ServiceComparison[];
  caption: string;
  columns: Record<Key, string>;
}) {
  const locale = useLocale();
  const minutes = (m: number | null) => (m === null ? "–" : formatDuration(m, locale));
  const [sort, setSort] = useState<{ key: Key; descending: boolean }>({ key: "downtimeMinutes", descending: true });
  const sorted = [...rows].sort((a, b) => {
    const d =
      sort.key === "name"
        ? a.name.localeCompare(b.name, locale)
        : (a[sort.key] ?? -1) - (b[sort.key] ?? -1) || a.name.localeCompare(b.name, locale);
    return sort.descending ? -d : d;
  });
  return (
    <div className="data-table-wrap data-table-tall" tabIndex={0} role="region" aria-label={caption}>
      <table className="data" data-testid="compare-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((key) => {
              const active = sort.key === key;
              return (
                <SortHeader
                  key={key}
                  label={columns[key]}
                  numeric={key !== "name"}
                  direction={active ? (sort.descending ? "descending" : "ascending") : undefined}
                  onSort={() => setSort({ key, descending: active ? !sort.descending : key !== "name" })}
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
              <td className="num">{formatCount(r.reporters, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
