import { IntentLink } from "./intent-link";
import { LocalTime } from "./local-time";
import type { SeriesPoint } from "@/lib/services/snapshot";
import styles from "./series-details.module.css";

/** What the chart's lines and shading mean, in words (the chart never relies on colour alone). */
export function ChartLegend({ bucketMinutes, incidents }: { bucketMinutes: number; incidents: boolean }) {
  return (
    <p className={styles["chart-legend"]}>
      <span>
        <span className={styles["legend-swatch"]} aria-hidden="true" />
        People reporting per {bucketMinutes} minutes
      </span>
      <span>
        <span className={`${styles["legend-swatch"]} ${styles["legend-expected"]}`} aria-hidden="true" />
        Usual level (dashed)
      </span>
      <span>
        <span className={`${styles["legend-swatch"]} ${styles["legend-threshold"]}`} aria-hidden="true" />
        Alarm level (dotted)
      </span>
      {incidents ? (
        <span>
          <span className={`${styles["legend-swatch"]} ${styles["legend-incident"]}`} aria-hidden="true" />
          Shaded: incident
        </span>
      ) : null}
      <IntentLink href="/about#deciding-heading">How we decide</IntentLink>
    </p>
  );
}

/** The chart's table equivalent, newest first, behind a disclosure. */
export function SeriesTable({ series, caption, testId }: { series: SeriesPoint[]; caption: string; testId: string }) {
  return (
    <details className={styles["table-toggle"]}>
      <summary>Show the chart as a table</summary>
      <div className="data-table-wrap" tabIndex={0} role="region" aria-label={`${caption}, newest first`}>
        <table className="data" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col" className="num">
                People reporting
              </th>
              <th scope="col" className="num">
                Usual
              </th>
              <th scope="col" className="num">
                Alarm level
              </th>
              <th scope="col" className="num">
                All reports
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
