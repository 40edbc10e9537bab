"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { LocalTime } from "./local-time";
import { Unhydrated } from "./unhydrated";
import type { SeriesPoint } from "@/lib/services/snapshot";
import styles from "./series-details.module.css";

/**
 * The chart's table equivalent, newest first, behind a disclosure: drawn by the server, and by the
 * browser only once someone opens it (a day of buckets is a few hundred rows to hydrate).
 */
export function SeriesTable({ series, caption, testId }: { series: SeriesPoint[]; caption: string; testId: string }) {
  const t = useTranslations("Chart");
  const [opened, setOpened] = useState(false);
  return (
    <details className={styles["table-toggle"]} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{t("showTable")}</summary>
      <Unhydrated live={opened}>
        <div className="data-table-wrap" tabIndex={0} role="region" aria-label={t("newestFirst", { caption })}>
          <table className="data" data-testid={testId}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("from")}</th>
                <th scope="col" className="num">
                  {t("peopleReporting")}
                </th>
                <th scope="col" className="num">
                  {t("usual")}
                </th>
                <th scope="col" className="num">
                  {t("alarmLevel")}
                </th>
                <th scope="col" className="num">
                  {t("allReports")}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...series].reverse().map((p) => (
                <tr key={p.t}>
                  <td>
                    <LocalTime iso={p.t} />
                  </td>
                  <td className="num">{p.reporters}</td>
                  <td className="num">{p.expected ?? "–"}</td>
                  <td className="num">{p.threshold ?? "–"}</td>
                  <td className="num">{p.reports}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Unhydrated>
    </details>
  );
}
