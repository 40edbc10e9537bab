"use client";

import type { ServiceSnapshot } from "@/lib/services/snapshot";
import { StatusIcon } from "./status-icon";
import { LocalTime } from "./local-time";
import { OfflineAge } from "./offline-age";
import { ReportsChart } from "./reports-chart";
import { ChartLegend, SeriesTable } from "./series-details";
import { useLiveSnapshot } from "./live-snapshot";
import { ReportTexts } from "./report-texts";
import { formatCount } from "@/lib/text/format";
import styles from "./service-live.module.css";

/** "Is it down?" in one glance: the level in words, since when, and a way to report. */
export function LiveBanner({ initial }: { initial: ServiceSnapshot }) {
  const s = useLiveSnapshot(initial);
  const title =
    s.status === "ok" ? (
      <>No current problems at {s.name}</>
    ) : s.status === "possible" ? (
      <>
        Possible problems at {s.name} since <LocalTime iso={s.statusSince} />
      </>
    ) : (
      <>
        User reports indicate problems at {s.name} since <LocalTime iso={s.statusSince} />
      </>
    );
  return (
    <section
      className={`${styles.banner} level-${s.status}`}
      aria-label="Current status"
      data-testid="status-banner"
      data-level={s.status}
    >
      <div className={styles["banner-main"]}>
        <StatusIcon level={s.status} size={28} />
        <div>
          <p className={styles["banner-title"]} role="status">
            {title}
          </p>
          <p className={styles["banner-sub"]}>
            {formatCount(s.reportersLastHour)} {s.reportersLastHour === 1 ? "report" : "reports"} in the last hour ·
            updated <LocalTime iso={s.generatedAt} />
          </p>
          <OfflineAge generatedAt={s.generatedAt} />
        </div>
      </div>
      <a className="button" href="#report">
        I have a problem with {s.name}
      </a>
    </section>
  );
}

export function LiveActivity({ initial }: { initial: ServiceSnapshot }) {
  const s = useLiveSnapshot(initial);
  const total24h = s.series.reduce((a, p) => a + p.reporters, 0);
  const peak = s.series.reduce(
    (best, p) => (p.reporters > best.reporters ? p : best),
    s.series[0] ?? { t: s.generatedAt, reporters: 0, reports: 0 },
  );
  return (
    <>
      <section className="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Reports in the last 24 hours</h2>
        <div className="stats">
          <div className={styles.stat}>
            <div className={styles["stat-value"]} data-testid="reports-last-hour">
              {formatCount(s.reportersLastHour)}
            </div>
            <div className={styles["stat-label"]}>people reported in the last hour</div>
          </div>
          <div className={styles.stat}>
            <div className={styles["stat-value"]} data-testid="reports-24h">
              {formatCount(total24h)}
            </div>
            <div className={styles["stat-label"]}>in the last 24 hours</div>
          </div>
          <div className={styles.stat}>
            <div className={styles["stat-value"]}>{formatCount(peak.reporters)}</div>
            <div className={styles["stat-label"]}>
              busiest {s.bucketMinutes} min, at <LocalTime iso={peak.t} />
            </div>
          </div>
        </div>
        <ChartLegend bucketMinutes={s.bucketMinutes} incidents={s.incidents.length > 0} />
        <ReportsChart series={s.series} incidents={s.incidents} bucketMinutes={s.bucketMinutes} />
        <SeriesTable
          series={s.series}
          caption={`Reports per ${s.bucketMinutes} minutes, last 24 hours`}
          testId="reports-table"
        />
      </section>
      <section className="card" aria-labelledby="problems-heading">
        <h2 id="problems-heading">Most reported problems</h2>
        {total24h === 0 ? (
          <p className="muted">No reports in the last 24 hours.</p>
        ) : (
          <ul className={styles.shares} data-testid="symptom-shares">
            {s.symptoms.map((x) => {
              const pct = Math.round(x.share * 100);
              return (
                <li key={x.slug} className={styles["share-row"]}>
                  <span>{x.label}</span>
                  <span className={styles["share-pct"]}>{pct}%</span>
                  <span className={styles["share-bar"]} aria-hidden="true">
                    <span style={{ width: `${Math.max(pct, x.reporters > 0 ? 1 : 0)}%` }} />
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

/** The service page's comments, polled with the chart: a reporter's own shows once it is stored. */
export function LiveReportTexts({
  initial,
  ...props
}: { initial: ServiceSnapshot } & Omit<Parameters<typeof ReportTexts>[0], "items">) {
  const s = useLiveSnapshot(initial);
  return <ReportTexts items={s.texts} {...props} />;
}
