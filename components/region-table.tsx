"use client";

import { IntentLink } from "./intent-link";
import { useState } from "react";
import { ANOMALY_BANDS, BAND_LABELS } from "@/lib/regions/bands";
import { formatRatio, formatUsual, type MapRow } from "./region-describe";
import { SortHeader } from "./sort-header";

type SortKey = "name" | "band" | "reporters" | "expected" | "ratio";
const COLUMNS: Array<{ key: SortKey; label: string; numeric: boolean }> = [
  { key: "name", label: "Region", numeric: false },
  { key: "band", label: "Status", numeric: false },
  { key: "reporters", label: "People reporting", numeric: true },
  { key: "expected", label: "Usual", numeric: true },
  { key: "ratio", label: "Times usual", numeric: true },
];

function compare(a: MapRow, b: MapRow, key: SortKey): number {
  switch (key) {
    case "name":
      return a.name.localeCompare(b.name, "en");
    case "band":
      return ANOMALY_BANDS.indexOf(a.band) - ANOMALY_BANDS.indexOf(b.band) || a.score - b.score;
    default:
      return (a[key] ?? -1) - (b[key] ?? -1);
  }
}

/**
 * The map's table equivalent. Rows arrive ranked by how unusual they are; column headers re-sort
 * where JavaScript runs and say how the table is sorted. Regions under the privacy minimum are
 * counted, not listed.
 */
export function RegionTable({ rows, caption, regionLabel }: { rows: MapRow[]; caption: string; regionLabel: string }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean } | null>(null);
  const shown = rows.filter((r) => r.reporters !== null);
  const hidden = rows.length - shown.length;
  const sorted = sort ? [...shown].sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b, sort.key)) : shown;

  return (
    <div className="data-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="data" data-testid="region-table">
        <caption className="visually-hidden">
          {caption}
          {sort
            ? `, sorted by ${COLUMNS.find((c) => c.key === sort.key)!.label.toLowerCase()}`
            : ", most unusual first"}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort?.key === c.key;
              return (
                <SortHeader
                  key={c.key}
                  label={c.key === "name" ? regionLabel : c.label}
                  numeric={c.numeric}
                  direction={active ? (sort.descending ? "descending" : "ascending") : undefined}
                  onSort={() =>
                    setSort({ key: c.key, descending: active ? !sort.descending : c.numeric || c.key === "band" })
                  }
                />
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.code} id={`region-${r.code}`} tabIndex={-1} data-band={r.band}>
              <th scope="row">{r.href ? <IntentLink href={r.href}>{r.name}</IntentLink> : r.name}</th>
              <td>{BAND_LABELS[r.band]}</td>
              <td className="num">{r.reporters}</td>
              <td className="num">{r.expected === null ? "–" : formatUsual(r.expected)}</td>
              <td className="num">{r.ratio === null ? "–" : formatRatio(r.ratio)}</td>
            </tr>
          ))}
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length}>No region has enough reports to show.</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {hidden > 0 ? (
        <p className="hint" style={{ padding: "0 0.75rem 0.5rem" }}>
          {hidden} more {hidden === 1 ? "region has" : "regions have"} too few reports to show.
        </p>
      ) : null}
    </div>
  );
}
