"use client";

import { IntentLink } from "./intent-link";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ANOMALY_BANDS } from "@/lib/regions/bands";
import type { MapRow, RegionLevel } from "./region-describe";
import { SortHeader } from "./sort-header";

type SortKey = "name" | "band" | "reporters" | "expected" | "ratio";
/** Each column and the message that heads it. */
const COLUMNS: Array<{ key: SortKey; label: "region" | "status" | "reporters" | "usual" | "ratio"; numeric: boolean }> =
  [
    { key: "name", label: "region", numeric: false },
    { key: "band", label: "status", numeric: false },
    { key: "reporters", label: "reporters", numeric: true },
    { key: "expected", label: "usual", numeric: true },
    { key: "ratio", label: "ratio", numeric: true },
  ];

/**
 * A row with its decimals already written in the page's language by the server (formatUsual,
 * formatRatio): the browser then draws the table without Intl, whose start-up would hold a
 * phone's main thread while the page hydrates.
 */
export interface RegionTableRow extends MapRow {
  usualText: string;
  ratioText: string;
}

function compare(a: RegionTableRow, b: RegionTableRow, key: SortKey, locale: string): number {
  switch (key) {
    case "name":
      return a.name.localeCompare(b.name, locale);
    case "band":
      return ANOMALY_BANDS.indexOf(a.band) - ANOMALY_BANDS.indexOf(b.band) || a.score - b.score;
    default:
      return (a[key] ?? -1) - (b[key] ?? -1);
  }
}

/**
 * The map's table equivalent. Rows arrive ranked by how unusual they are; column headers re-sort
 * where JavaScript runs and say how the table is sorted. Regions under the privacy minimum are
 * counted, not listed: `hiddenNote` says how many (written by the server, as it holds a number).
 */
export function RegionTable({
  rows,
  caption,
  level,
  hiddenNote,
}: {
  rows: RegionTableRow[];
  caption: string;
  level: RegionLevel;
  hiddenNote: string | null;
}) {
  const t = useTranslations("RegionTable");
  const bands = useTranslations("Bands");
  const locale = useLocale();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean } | null>(null);
  const shown = rows.filter((r) => r.reporters !== null);
  const sorted = sort ? [...shown].sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b, sort.key, locale)) : shown;

  return (
    <div className="data-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="data" data-testid="region-table">
        <caption className="visually-hidden">
          {sort ? t("sortedBy", { caption, column: sort.key }) : t("unusualFirst", { caption })}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort?.key === c.key;
              return (
                <SortHeader
                  key={c.key}
                  label={c.key === "name" ? t("region", { level }) : t(c.label)}
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
              <td>{bands(r.band)}</td>
              <td className="num">{r.reporters}</td>
              <td className="num">{r.usualText}</td>
              <td className="num">{r.ratioText}</td>
            </tr>
          ))}
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length}>{t("none")}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {hiddenNote ? (
        <p className="hint" style={{ padding: "0 0.75rem 0.5rem" }}>
          {hiddenNote}
        </p>
      ) : null}
    </div>
  );
}
