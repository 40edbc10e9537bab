import { IntentLink } from "./intent-link";
import { LocalTime } from "./local-time";
import type { SeriesPoint } from "@/lib/services/snapshot";
import styles from "./series-details.module.css";
import { useTranslations } from "next-intl";

/** What the chart's lines and shading mean, in words (the chart never relies on colour alone). */
export function ChartLegend({ bucketMinutes, incidents }: { bucketMinutes: number; incidents: boolean }) {
  const t = useTranslations("Chart");
  return (
    <p className={styles["chart-legend"]}>
      <span>
        <span className={styles["legend-swatch"]} aria-hidden="true" />
        {t("reporting", { minutes: bucketMinutes })}
      </span>
      <span>
        <span className={`${styles["legend-swatch"]} ${styles["legend-expected"]}`} aria-hidden="true" />
        {t("usualDashed")}
      </span>
      <span>
        <span className={`${styles["legend-swatch"]} ${styles["legend-threshold"]}`} aria-hidden="true" />
        {t("alarmDotted")}
      </span>
      {incidents ? (
        <span>
          <span className={`${styles["legend-swatch"]} ${styles["legend-incident"]}`} aria-hidden="true" />
          {t("shadedIncident")}
        </span>
      ) : null}
      <IntentLink href="/about#deciding-heading">{t("howWeDecide")}</IntentLink>
    </p>
  );
}

/** The chart's table equivalent, newest first, behind a disclosure. */
export function SeriesTable({ series, caption, testId }: { series: SeriesPoint[]; caption: string; testId: string }) {
  const t = useTranslations("Chart");
  return (
    <details className={styles["table-toggle"]}>
      <summary>{t("showTable")}</summary>
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
    </details>
  );
}
