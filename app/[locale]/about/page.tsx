import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { IntentLink } from "@/components/intent-link";
import { config } from "@/lib/config";
import { saltCarryMinutes } from "@/lib/reports/identity";
import { DEFAULT_PARAMS } from "@/lib/detection/params";
import { DETECTION_FIGURES, REAL_FIGURES, RECALL_TARGET, type DetectionScores } from "./figures";
import { MIN_REGION_REPORTERS } from "@/lib/regions/anomaly";
import { NETWORK_WINDOW_MINUTES } from "@/lib/reports/rules";
import { periodArgs } from "@/lib/text/duration";
import { formatCount, formatUtcDay } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import { localeAlternates } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/routing";
import { getReadDb } from "@/lib/db";
import { cachedScorecards } from "@/lib/official/scorecard";
import { MATCH_SLACK_MS } from "@/lib/official/match";
import { ScorecardByService, ScorecardByWindow } from "@/components/scorecard-table";
import { NetworkDataCredit } from "@/components/network-data-credit";
import styles from "./page.module.css";

type Messages = Awaited<ReturnType<typeof getTranslations<"About">>>;

export async function generateMetadata({ params }: PageProps<"/[locale]/about">): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "About" });
  return { title: t("title"), description: t("description"), alternates: localeAlternates("/about", locale) };
}

const decimals = (locale: string, digits: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** 0.0052 false alarms a week reads better as "about one every 3.7 years". */
function falseAlarmPace(perWeek: number, t: Messages): string {
  if (perWeek <= 0) return t("quality.pace", { kind: "none", n: 0 });
  const weeks = 1 / perWeek;
  if (weeks < 1) return t("quality.pace", { kind: "week", n: Math.round(perWeek) });
  if (weeks < 52) return t("quality.pace", { kind: "weeks", n: Math.round(weeks) });
  return t("quality.pace", { kind: "years", n: Math.round((weeks / 52.18) * 10) / 10 });
}

/** The benchmark's outage kinds (bench/detection), in the order the recall sentence names them. */
const KINDS = ["global", "regional", "state", "isp"] as const;

const ROWS = [
  { key: "clearCaught", value: (s: DetectionScores) => ({ share: s.recall_3x_15min }) },
  { key: "allCaught", value: (s: DetectionScores) => ({ share: s.recall }) },
  { key: "real", value: (s: DetectionScores) => ({ share: s.precision }) },
  { key: "delayMedian", value: (s: DetectionScores) => ({ count: s.delay_p50_min }) },
  { key: "delay90", value: (s: DetectionScores) => ({ count: s.delay_p90_min }) },
  { key: "falseAlarms", value: (s: DetectionScores) => ({ pace: s.false_alarms_per_service_week }) },
  { key: "floods", value: (s: DetectionScores) => ({ count: s.flood_alarms }) },
] as const;

export default async function AboutPage({ params }: PageProps<"/[locale]/about">) {
  // The scorecard is counted from stored incidents: drawn per request (the front caches it briefly).
  await connection();
  const locale = pageLocale((await params).locale);
  const [scorecards, t, time, levels] = await Promise.all([
    cachedScorecards(getReadDb(), null),
    getTranslations({ locale, namespace: "About" }),
    getTranslations({ locale, namespace: "Time" }),
    getTranslations({ locale, namespace: "Levels" }),
  ]);
  const quarter = scorecards.find((r) => r.days === 90)!;
  const { REPORT_COOLDOWN_MINUTES: cooldown, NETWORK_CAP: networkCap, REPORT_RETENTION_DAYS: retention } = config();
  const {
    possible,
    outage,
    confirmMinutes,
    strongConfirmMinutes,
    resolveMinutes,
    resolveMaxMinutes,
    windows,
    maxFreezeHours,
    sustainMinutes,
  } = DEFAULT_PARAMS;
  const r = REAL_FIGURES;
  const f = DETECTION_FIGURES;
  const oneDecimal = decimals(locale, 1);
  const percent = new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const cell = (v: ReturnType<(typeof ROWS)[number]["value"]>) =>
    "share" in v ? percent.format(v.share) : "pace" in v ? falseAlarmPace(v.pace, t) : formatCount(v.count, locale);
  const windowList = nameList(
    windows.map((w) => formatCount(w, locale)),
    5,
    "and",
    locale,
  );
  const caught = Math.round(f.recall_3x_15min * f.outages_3x_15min);
  const hardest = Object.entries(f.recall_3x_15min_by_kind).sort(([, a], [, b]) => a.recall - b.recall)[0]?.[0];
  const byKind = nameList(
    KINDS.flatMap((kind) => {
      const k = f.recall_3x_15min_by_kind[kind];
      return k ? [t("quality.kind", { kind, recall: Math.round(k.recall * 100) / 100, outages: k.outages })] : [];
    }),
    5,
    "and",
    locale,
  );
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  return (
    <article className={styles.prose}>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      <section aria-labelledby="counting-heading">
        <h2 id="counting-heading">{t("counting.heading")}</h2>
        <ul>
          <li>{t("counting.what")}</li>
          <li>{t("counting.once", { period: time("per", periodArgs(cooldown)) })}</li>
          <li>{t("counting.network", { cap: networkCap, minutes: NETWORK_WINDOW_MINUTES })}</li>
          <li>{t("counting.comments")}</li>
        </ul>
      </section>

      <section aria-labelledby="deciding-heading">
        <h2 id="deciding-heading">{t("deciding.heading")}</h2>
        <p>{t("deciding.usual", { hours: maxFreezeHours })}</p>
        <p>{t("deciding.everyMinute", { windows: windowList })}</p>
        <dl className={styles.levels}>
          <dt>{levels("possible.label")}</dt>
          <dd>
            {t("deciding.possible", {
              ratio: possible.minRatio,
              excess: possible.minExcess,
              networks: possible.minNetworks,
              minutes: confirmMinutes,
              odds: 10 ** possible.score,
              strongMinutes: strongConfirmMinutes,
              strongOdds: 10 ** outage.score,
            })}
          </dd>
          <dt>{levels("outage.label")}</dt>
          <dd>
            {t("deciding.outage", {
              ratio: outage.minRatio,
              excess: outage.minExcess,
              networks: outage.minNetworks,
              odds: 10 ** outage.score,
            })}
          </dd>
          <dt>{t("deciding.overTerm")}</dt>
          <dd>{t("deciding.over", { minutes: resolveMinutes, max: resolveMaxMinutes })}</dd>
        </dl>
        <p>{t("deciding.bursts", { windows: windowList, sustain: sustainMinutes })}</p>
        <p>{t("deciding.networks")}</p>
      </section>

      <section aria-labelledby="quality-heading">
        <h2 id="quality-heading">{t("quality.heading")}</h2>
        <p>{t("quality.intro", { services: f.scenario.services, weeks: f.scenario.weeks, outages: f.outages })}</p>
        <div className="data-table-wrap data-table-tall" tabIndex={0} role="region" aria-labelledby="quality-caption">
          <table className="data" data-testid="detection-quality">
            <caption id="quality-caption">
              {t("quality.caption", {
                serviceWeeks: Math.round(f.service_weeks),
                day: formatUtcDay(f.generated_at, locale),
                commit: f.commit ?? "none",
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("quality.measure")}</th>
                <th scope="col" className="num">
                  {t("quality.ours")}
                </th>
                <th scope="col" className="num">
                  {t("quality.fixed", { n: f.thresholds.fixed_threshold })}
                </th>
                <th scope="col" className="num">
                  {t("quality.sigma", { n: f.thresholds.three_sigma })}
                </th>
                <th scope="col" className="num">
                  {t("quality.cusum")}
                </th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{t(`quality.rows.${row.key}`)}</th>
                  <td className="num">{cell(row.value(f))}</td>
                  <td className="num">{cell(row.value(f.baselines.fixed_threshold))}</td>
                  <td className="num">{cell(row.value(f.baselines.three_sigma))}</td>
                  <td className="num">{cell(row.value(f.baselines.poisson_cusum))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>{t("quality.definitions")}</p>
        <p>
          {t("quality.caught", {
            caught,
            total: f.outages_3x_15min,
            meets: f.recall_3x_15min >= RECALL_TARGET ? "yes" : "no",
            target: RECALL_TARGET,
            byKind,
          })}
          {hardest === "isp" ? ` ${t("quality.ispHardest")}` : null} {t.rich("quality.others", { code })}
        </p>
      </section>

      <section aria-labelledby="real-heading">
        <h2 id="real-heading">{t("real.heading")}</h2>
        <p>{t("real.intro")}</p>
        <div className="data-table-wrap" tabIndex={0} role="region" aria-labelledby="real-caption">
          <table className="data" data-testid="real-quality">
            <caption id="real-caption">
              {t("real.caption", { day: formatUtcDay(r.generated_at, locale), commit: r.commit })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("quality.measure")}</th>
                <th scope="col" className="num">
                  {t("quality.ours")}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("real.score")}</th>
                <td className="num">{oneDecimal.format(r.nab_score)}</td>
              </tr>
              <tr>
                <th scope="row">{t("real.found")}</th>
                <td className="num">{t("real.foundValue", { found: r.windows_detected, total: r.windows })}</td>
              </tr>
              <tr>
                <th scope="row">{t("real.falseAlarms")}</th>
                <td className="num">{decimals(locale, 2).format(r.false_alarm_episodes_per_series_week)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p>{t.rich("real.after", { code })}</p>
      </section>

      <section aria-labelledby="scorecard-heading" id="scorecard">
        <h2 id="scorecard-heading">{t("scorecard.heading")}</h2>
        <p>{t("scorecard.intro", { services: quarter.services.length })}</p>
        <ScorecardByWindow reports={scorecards} caption={t("scorecard.overall")} testId="scorecard-overall" />
        <ScorecardByService report={quarter} caption={t("scorecard.byService")} testId="scorecard-services" />
        <p>{t("scorecard.matching", { minutes: MATCH_SLACK_MS / 60_000 })}</p>
      </section>

      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t("privacy.heading")}</h2>
        <ul>
          <li>{t("privacy.hashes", { cooldown, window: NETWORK_WINDOW_MINUTES })}</li>
          <li>{t("privacy.salt", { carry: saltCarryMinutes(cooldown) })}</li>
          <li>{t("privacy.who")}</li>
          <li>
            {t("privacy.asn")} <NetworkDataCredit />
          </li>
          <li>{t("privacy.regions", { min: MIN_REGION_REPORTERS })}</li>
          <li>{t("privacy.retention", { days: retention > 0 ? retention : 0 })}</li>
        </ul>
      </section>

      <section aria-labelledby="open-heading">
        <h2 id="open-heading">{t("open.heading")}</h2>
        <ul>
          <li>{t.rich("open.api", { api: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a> })}</li>
          <li>{t.rich("open.feeds", { all: (chunks) => <a href="/incidents/feed.atom">{chunks}</a> })}</li>
          <li>{t.rich("open.selfHost", { code })}</li>
        </ul>
        <p>
          <IntentLink href="/">{t("open.seeAll")}</IntentLink>
        </p>
      </section>
    </article>
  );
}
