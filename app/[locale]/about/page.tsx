import type { Metadata } from "next";
import { connection } from "next/server";
import { IntentLink } from "@/components/intent-link";
import { config } from "@/lib/config";
import { saltCarryMinutes } from "@/lib/reports/identity";
import { DEFAULT_PARAMS } from "@/lib/detection/params";
import { DETECTION_FIGURES, REAL_FIGURES, RECALL_TARGET, type DetectionScores } from "./figures";
import { MIN_REGION_REPORTERS } from "@/lib/regions/anomaly";
import { NETWORK_WINDOW_MINUTES } from "@/lib/reports/rules";
import { perPeriod } from "@/lib/text/duration";
import { formatCount, formatUtcDay } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import { getReadDb } from "@/lib/db";
import { cachedScorecards } from "@/lib/official/scorecard";
import { MATCH_SLACK_MS } from "@/lib/official/match";
import { ScorecardByService, ScorecardByWindow } from "@/components/scorecard-table";
import { NetworkDataCredit } from "@/components/network-data-credit";
import styles from "./page.module.css";

export const metadata: Metadata = {
  title: "How Outage Radar works",
  description:
    "How reports are counted, how Outage Radar decides a service has problems, how well that works as measured, and what it keeps about you.",
  alternates: { canonical: "/about" },
};

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** 0.0052 false alarms a week reads better as "about one every 3.7 years". */
function falseAlarmPace(perWeek: number): string {
  if (perWeek <= 0) return "none";
  const weeks = 1 / perWeek;
  if (weeks < 1) return `about ${formatCount(Math.round(perWeek))} a week`;
  if (weeks < 52) return `about one every ${Math.round(weeks)} weeks`;
  return `about one every ${(weeks / 52.18).toFixed(1)} years`;
}

/** The benchmark's outage kinds (bench/detection), as the recall sentence names them. */
const KIND_NAMES: Record<string, string> = {
  global: "outages everywhere at once",
  regional: "in one region (a tenth to half of the service's users)",
  state: "in one US state",
  isp: "behind one internet provider",
};

const ROWS: Array<{ label: string; value: (s: DetectionScores) => string }> = [
  { label: "Clear outages caught", value: (s) => percent(s.recall_3x_15min) },
  { label: "All outages caught", value: (s) => percent(s.recall) },
  { label: "Alarms that were real", value: (s) => percent(s.precision) },
  { label: "Minutes to the alarm, median", value: (s) => formatCount(s.delay_p50_min) },
  { label: "Minutes to the alarm, 9 in 10 within", value: (s) => formatCount(s.delay_p90_min) },
  { label: "False alarms per service", value: (s) => falseAlarmPace(s.false_alarms_per_service_week) },
  { label: "Alarms from report floods", value: (s) => formatCount(s.flood_alarms) },
];

export default async function AboutPage() {
  // The scorecard is counted from stored incidents: drawn per request (the front caches it briefly).
  await connection();
  const scorecards = await cachedScorecards(getReadDb(), null);
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
  const caught = Math.round(f.recall_3x_15min * f.outages_3x_15min);
  const hardest = Object.entries(f.recall_3x_15min_by_kind).sort(([, a], [, b]) => a.recall - b.recall)[0]?.[0];
  const byKind = nameList(
    Object.entries(KIND_NAMES).flatMap(([kind, name]) => {
      const k = f.recall_3x_15min_by_kind[kind];
      return k ? [`${Math.round(k.recall * 100)}% of the ${formatCount(k.outages)} ${name}`] : [];
    }),
  );
  return (
    <article className={styles.prose}>
      <h1>How Outage Radar works</h1>
      <p className="lead">
        Outage Radar answers one question, &ldquo;is it down, or is it just me?&rdquo;, from what people report. This
        page says how a report is counted, how we decide a service has problems, how well that works as measured, and
        what we keep about you.
      </p>

      <section aria-labelledby="counting-heading">
        <h2 id="counting-heading">Counting reports</h2>
        <ul>
          <li>
            A report is a problem (&ldquo;Login&rdquo;, &ldquo;Payments&rdquo;…), your country, and if you like your
            region and a comment.
          </li>
          <li>
            Each person counts once per service {perPeriod(cooldown)}. A second report within that time is kept but not
            counted, so refreshing and repeating do not make a problem look bigger.
          </li>
          <li>
            At most {formatCount(networkCap)} people from one network (a block of internet addresses, such as an office
            or a home provider&rsquo;s neighbourhood) count for a service in {NETWORK_WINDOW_MINUTES} minutes. One
            office, one script or one botnet cannot fake a crowd.
          </li>
          <li>
            Comments are listed only from counted reports, with the country but never the region, and moderators remove
            abuse.
          </li>
        </ul>
      </section>

      <section aria-labelledby="deciding-heading">
        <h2 id="deciding-heading">Deciding that something is wrong</h2>
        <p>
          Every service is compared with its own usual level for that hour of the week, learnt from its past reports.
          Three hundred reports an hour is a quiet evening for a big social network and a sign of trouble for a small
          bank at four in the morning. The usual level follows growth and lasting changes within days, and a surge is
          not learnt as normal unless it lasts more than {maxFreezeHours} hours.
        </p>
        <p>
          Every minute, the reports of the last {nameList(windows.map(String))} minutes are tested against that level,
          allowing for how much the service&rsquo;s reports normally vary:
        </p>
        <dl className={styles.levels}>
          <dt>Possible problems</dt>
          <dd>
            At least {possible.minRatio} times the usual number of people and {possible.minExcess} more than usual, from
            at least {possible.minNetworks} networks, for {confirmMinutes} minutes in a row; and so many that chance
            alone would bring them less than once in {formatCount(10 ** possible.score)} times. {strongConfirmMinutes}{" "}
            minutes are enough when chance would bring them less than once in {formatCount(10 ** outage.score)} times.
          </dd>
          <dt>Outage</dt>
          <dd>
            At least {outage.minRatio} times the usual number and {outage.minExcess} more people, from at least{" "}
            {outage.minNetworks} networks; chance would bring them less than once in {formatCount(10 ** outage.score)}{" "}
            times.
          </dd>
          <dt>Over</dt>
          <dd>
            After {resolveMinutes} calm minutes in a row, or half as long as the problem lasted when that is longer (at
            most {resolveMaxMinutes} minutes), so an outage whose reports dip for a while stays one incident.
          </dd>
        </dl>
        <p>
          Real reports come in bursts: one viral post brings a wave that fades within minutes. So each service also
          learns how high and how often its own normal bursts go, separately over {nameList(windows.map(String))}{" "}
          minutes, and an alarm has to go clearly beyond them. A calm service is judged by the rules above alone; a
          bursty one has to rise further before we say it has problems. The shape of a rise counts too: one that is
          already fading by the time it would be confirmed is a wave passing, and one that holds for {sustainMinutes}{" "}
          minutes is a problem however bursty the service is, because no burst lasts that long.
        </p>
        <p>
          A rise has to come from many networks that were not already reporting, as real outages do; people whose
          provider puts many customers behind shared addresses, as mobile carriers do, bring fewer, and we learn which
          providers do that from their reports. Countries and US states with enough reports of their own also have a
          detector each, so an outage in one country shows even when the worldwide count barely moves. A region raises
          an alarm only when it stands out from the rest of the service: when everyone reports more, the whole service
          is judged, not each region on its own. These are signals from what people report, not statements by the
          services.
        </p>
      </section>

      <section aria-labelledby="quality-heading">
        <h2 id="quality-heading">How well it works</h2>
        <p>
          We measure the detector on simulated reports where the truth is known: {f.scenario.services} services for{" "}
          {f.scenario.weeks} weeks a run, from a few reports a day to thousands an hour, with {formatCount(f.outages)}{" "}
          outages. Half the runs follow the assumptions the detector was built on (daily and weekly rhythms, growth,
          holidays, floods of fake reports from a few networks); the other half break them on purpose: viral waves of
          reports that fade within minutes, erratic minute-to-minute noise, outages behind one internet provider or in
          one US state, floods that change address with every report, the change to daylight saving, minutes when our
          own site was down, and services added with no history. The settings were chosen on other runs than the ones
          scored here. Beside ours are three rules others use, each given its best threshold on those other runs.
        </p>
        <div className="data-table-wrap data-table-tall" tabIndex={0} role="region" aria-labelledby="quality-caption">
          <table className="data" data-testid="detection-quality">
            <caption id="quality-caption">
              Detection measured on {formatCount(Math.round(f.service_weeks))} service-weeks of simulated reports,{" "}
              {formatUtcDay(f.generated_at)}
              {f.commit ? ` (commit ${f.commit})` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col" className="num">
                  Outage Radar
                </th>
                <th scope="col" className="num">
                  {formatCount(f.thresholds.fixed_threshold)} people in 15 minutes
                </th>
                <th scope="col" className="num">
                  {formatCount(f.thresholds.three_sigma)} standard deviations above the last day
                </th>
                <th scope="col" className="num">
                  Change detection against the last week (CUSUM)
                </th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td className="num">{row.value(f)}</td>
                  <td className="num">{row.value(f.baselines.fixed_threshold)}</td>
                  <td className="num">{row.value(f.baselines.three_sigma)}</td>
                  <td className="num">{row.value(f.baselines.poisson_cusum)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          A clear outage brings at least 3 times the usual reports for 15 minutes or more; &ldquo;all outages&rdquo;
          counts the smaller and shorter ones too, down to twice the usual for 10 minutes. Minutes to the alarm count
          from the outage&rsquo;s start. A report flood comes from one to four networks, faking many people; floods that
          change address with every report look like real people to any rule that counts them, so they are stopped where
          reports come in; alarms during them count as not real here, but not as flood alarms.
        </p>
        <p>
          Outage Radar caught {formatCount(caught)} of the {formatCount(f.outages_3x_15min)} clear outages,{" "}
          {f.recall_3x_15min >= RECALL_TARGET ? "meeting" : "below"} our own target of {Math.round(RECALL_TARGET * 100)}
          %. By where the outage was, it caught {byKind}.
          {hardest === "isp" &&
            " Outages behind one internet provider are the hardest: its customers reach us through a few shared addresses, which look like a flood from a few networks unless we have learnt that the provider shares them."}{" "}
          The other rules catch fewer outages at a similar rate of false alarms, or raise many more. The figures come
          from <code>npm run bench:detection</code>; the method, every setting, and its known limits are in{" "}
          <code>docs/detection.md</code> beside the code.
        </p>
      </section>

      <section aria-labelledby="real-heading">
        <h2 id="real-heading">On real counts nobody here wrote</h2>
        <p>
          Simulated reports follow our own assumptions, so we also run the detector, unchanged, on real counts with
          known anomalies: the number of tweets about five companies every 5 minutes over eight weeks in 2015, from the
          Numenta Anomaly Benchmark, whose anomalies were marked by its own labellers. It is scored the way that
          benchmark scores published detectors, at the one alarm line the site uses.
        </p>
        <div className="data-table-wrap" tabIndex={0} role="region" aria-labelledby="real-caption">
          <table className="data" data-testid="real-quality">
            <caption id="real-caption">
              Detection on real counts, measured {formatUtcDay(r.generated_at)} (commit {r.commit})
            </caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col" className="num">
                  Outage Radar
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Benchmark score (0 finds nothing, 100 is perfect)</th>
                <td className="num">{r.nab_score.toFixed(1)}</td>
              </tr>
              <tr>
                <th scope="row">Marked anomalies found</th>
                <td className="num">
                  {r.windows_detected} of {r.windows}
                </td>
              </tr>
              <tr>
                <th scope="row">False alarms per series a week</th>
                <td className="num">{r.false_alarm_episodes_per_series_week.toFixed(2)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p>
          A false alarm here is an alarm that starts outside every marked anomaly; many of them are real bursts the
          labellers did not mark. The best published detectors score 65 to 79 on the same files scored the same way.
          These five series also helped us design the burst rule above, so this is not a blind test; the simulated runs
          are. The figures come from <code>npm run bench:real</code>.
        </p>
      </section>

      <section aria-labelledby="scorecard-heading" id="scorecard">
        <h2 id="scorecard-heading">Against the companies&apos; own status pages</h2>
        <p>
          For the {quarter.services.length} services whose official status page publishes a feed we can read, we keep
          what those pages say and compare it with our own incidents: how many of ours the company acknowledged, how
          many of the company&apos;s incidents our reports caught, and who said so first. Nobody writes these numbers
          down; they are counted from the stored incidents every time this page is drawn.
        </p>
        <ScorecardByWindow
          reports={scorecards}
          caption="All services with an official feed"
          testId="scorecard-overall"
        />
        <ScorecardByService report={quarter} caption="By service, last 90 days" testId="scorecard-services" />
        <p>
          An incident of ours and one on the company&apos;s page are the same event when they overlap, give or take{" "}
          {MATCH_SLACK_MS / 60_000} minutes. &ldquo;We said so&rdquo; compares the moment our detector declared the
          incident with the moment the company first posted its own: &ldquo;earlier&rdquo; means we were first. Planned
          maintenance is never counted. A window starts no earlier than a day after our first reports, so neither side
          is scored for a time we were not watching.
        </p>
      </section>

      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">What we keep about you</h2>
        <ul>
          <li>
            We never store or log your IP address. To count you once per service per {formatCount(cooldown)} minutes, we
            keep a keyed hash of it with your browser&rsquo;s name and the service, and a keyed hash of your network
            (the first three parts of an IPv4 address, or the first three groups of an IPv6 one), to tell a crowd from
            one office. These hashes live only in the tables that count, for as long as the count needs them (your
            cooldown, and a network&rsquo;s 15-minute window); the stored report itself carries neither.
          </li>
          <li>
            The hashes are made with a random salt drawn each day (UTC) and destroyed{" "}
            {formatCount(saltCarryMinutes(cooldown))} minutes after the next midnight (give or take the ten minutes our
            clean-up takes to come round), once no count needs it. After that, nobody can tie a hash or a report to an
            address: not us, not someone who copied the whole database, not someone who also holds our keys.
          </li>
          <li>
            Who could learn what: someone holding a copy of the database taken during the day, with that day&rsquo;s
            salt in it, could test guessed addresses against the last hour&rsquo;s hashes. Our permanent key is kept
            outside the database and only protects retries of a report (the Idempotency-Key, kept a day).
          </li>
          <li>
            A report keeps the number of the network operator your address belongs to (its &ldquo;autonomous
            system&rdquo;, such as Comcast&rsquo;s 7922, shared by millions), looked up in memory from an offline
            database, so we can tell when one provider&rsquo;s customers are in trouble. The report form&rsquo;s first
            guess of your country and state comes from the same kind of lookup, answered to you alone and never kept.
            <NetworkDataCredit />
          </li>
          <li>
            Maps, tables and downloads leave out any region with fewer than {MIN_REGION_REPORTERS} people reporting.
          </li>
          <li>
            {retention > 0
              ? `Single reports are deleted after ${formatCount(retention)} days; the counts per minute and hour are kept.`
              : "Single reports are kept; the counts per minute and hour are what the pages show."}
          </li>
        </ul>
      </section>

      <section aria-labelledby="open-heading">
        <h2 id="open-heading">Open data, and your own copy</h2>
        <ul>
          <li>
            Every figure on the site is in the <a href="/api/v1/openapi.json">JSON API</a>, and each service&rsquo;s
            counts per country download as CSV.
          </li>
          <li>
            Incidents come as Atom feeds: <a href="/incidents/feed.atom">all services</a>, or one service&rsquo;s from
            its incident history. A service&rsquo;s status is also an image to put on your own page.
          </li>
          <li>
            Outage Radar is open source and runs on one machine with its own database: <code>npm install</code>, then{" "}
            <code>npm start</code>.
          </li>
        </ul>
        <p>
          <IntentLink href="/">See every service&rsquo;s status now</IntentLink>
        </p>
      </section>
    </article>
  );
}
