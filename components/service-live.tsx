"use client";

import type { ServiceSnapshot } from "@/lib/services/snapshot";
import { StatusIcon } from "./status-icon";
import { LocalTime } from "./local-time";
import { OfflineAge } from "./offline-age";
import { ReportsChart } from "./reports-chart";
import { ChartLegend } from "./series-details";
import { SeriesTable } from "./series-table";
import { useLiveSnapshot } from "./live-snapshot";
import { ReportTexts } from "./report-texts";
import type { SketchLines } from "./chart-sketch-lines";
import { useLiveSketch } from "./live-sketch-lines";
import { formatCount } from "@/lib/text/format";
import { useLocale, useTranslations } from "next-intl";
import styles from "./service-live.module.css";

/** "Is it down?" in one glance: the level in words, since when, and a way to report. */
export function LiveBanner({ initial }: { initial: ServiceSnapshot }) {
  const s = useLiveSnapshot(initial);
  const t = useTranslations("Live");
  const locale = useLocale();
  const since = () => <LocalTime iso={s.statusSince} />;
  const title =
    s.status === "ok"
      ? t("noProblems", { name: s.name })
      : t.rich(s.status === "possible" ? "possibleSince" : "outageSince", { name: s.name, since });
  return (
    <section
      className={`${styles.banner} level-${s.status}`}
      aria-label={t("currentStatus")}
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
            {t.rich("bannerSub", {
              count: s.reportersLastHour,
              formatted: formatCount(s.reportersLastHour, locale),
              updated: () => <LocalTime iso={s.generatedAt} />,
            })}
          </p>
          <OfflineAge generatedAt={s.generatedAt} />
        </div>
      </div>
      <a className="button" href="#report">
        {t("haveProblem", { name: s.name })}
      </a>
    </section>
  );
}

export function LiveActivity({
  initial,
  lines,
}: {
  initial: ServiceSnapshot;
  /** The chart sketch's lines for `initial.series`. */
  lines: SketchLines;
}) {
  const s = useLiveSnapshot(initial);
  const chart = useLiveSketch(s.series, { series: initial.series, lines });
  const t = useTranslations("Live");
  const symptomName = useTranslations("Symptoms");
  const locale = useLocale();
  const total24h = s.series.reduce((a, p) => a + p.reporters, 0);
  const peak = s.series.reduce(
    (best, p) => (p.reporters > best.reporters ? p : best),
    s.series[0] ?? { t: s.generatedAt, reporters: 0, reports: 0 },
  );
  return (
    <>
      <section className="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">{t("activityHeading")}</h2>
        <div className="stats">
          <div className={styles.stat}>
            <div className={styles["stat-value"]} data-testid="reports-last-hour">
              {formatCount(s.reportersLastHour, locale)}
            </div>
            <div className={styles["stat-label"]}>{t("peopleLastHour")}</div>
          </div>
          <div className={styles.stat}>
            <div className={styles["stat-value"]} data-testid="reports-24h">
              {formatCount(total24h, locale)}
            </div>
            <div className={styles["stat-label"]}>{t("last24Hours")}</div>
          </div>
          <div className={styles.stat}>
            <div className={styles["stat-value"]}>{formatCount(peak.reporters, locale)}</div>
            <div className={styles["stat-label"]}>
              {t.rich("busiest", { minutes: s.bucketMinutes, at: () => <LocalTime iso={peak.t} /> })}
            </div>
          </div>
        </div>
        <ChartLegend bucketMinutes={s.bucketMinutes} incidents={s.incidents.length > 0} />
        <ReportsChart
          series={chart.series}
          lines={chart.lines}
          incidents={s.incidents}
          bucketMinutes={s.bucketMinutes}
        />
        <SeriesTable
          series={s.series}
          caption={t("tableCaption", { minutes: s.bucketMinutes })}
          testId="reports-table"
        />
      </section>
      <section className="card" aria-labelledby="problems-heading">
        <h2 id="problems-heading">{t("problemsHeading")}</h2>
        {total24h === 0 ? (
          <p className="muted">{t("noReports24h")}</p>
        ) : (
          <ul className={styles.shares} data-testid="symptom-shares">
            {s.symptoms.map((x) => {
              const pct = Math.round(x.share * 100);
              return (
                <li key={x.slug} className={styles["share-row"]}>
                  <span>{symptomName.has(x.slug) ? symptomName(x.slug) : x.label}</span>
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
