import { useLocale, useTranslations } from "next-intl";
import type { Scorecard } from "@/lib/official/match";
import type { ScorecardReport } from "@/lib/official/scorecard";
import { formatCount, formatUtcDay } from "@/lib/text/format";

type Messages = ReturnType<typeof useTranslations<"Scorecard">>;

function share(part: number, whole: number, t: Messages, locale: string): string {
  if (whole === 0) return "–";
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(part / whole);
  return t("share", { part: formatCount(part, locale), whole: formatCount(whole, locale), percent });
}

/** "12 min earlier", "5 min later": when we said so, against the company's own page. */
function formatLead(minutes: number | null, t: Messages, locale: string): string {
  if (minutes === null) return "–";
  const n = Math.round(Math.abs(minutes));
  if (n === 0) return t("same");
  return t(minutes > 0 ? "earlier" : "later", { minutes: formatCount(n, locale) });
}

function Cells({ card }: { card: Scorecard }) {
  const t = useTranslations("Scorecard");
  const locale = useLocale();
  return (
    <>
      <td className="num">{share(card.acknowledged, card.ours, t, locale)}</td>
      <td className="num">{share(card.caught, card.theirs, t, locale)}</td>
      <td className="num">{formatLead(card.medianLeadMinutes, t, locale)}</td>
    </>
  );
}

function Head({ first }: { first: string }) {
  const t = useTranslations("Scorecard");
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">
          {t("acknowledged")}
        </th>
        <th scope="col" className="num">
          {t("caught")}
        </th>
        <th scope="col" className="num">
          {t("saidSo")}
        </th>
      </tr>
    </thead>
  );
}

function Table({
  first,
  rows,
  caption,
  testId,
}: {
  first: string;
  rows: { key: string; head: React.ReactNode; card: Scorecard }[];
  caption: string;
  testId: string;
}) {
  return (
    <div className="data-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="data" data-testid={testId}>
        <caption>{caption}</caption>
        <Head first={first} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.head}</th>
              <Cells card={r.card} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One row per window (30, 90, 365 days). */
export function ScorecardByWindow(props: { reports: ScorecardReport[]; caption: string; testId: string }) {
  const t = useTranslations("Scorecard");
  const locale = useLocale();
  const rows = props.reports.map((r) => ({
    key: String(r.days),
    card: r.overall,
    head: (
      <>
        {t("days", { days: r.days })}
        {r.partial ? (
          <span className="muted"> {t("since", { day: formatUtcDay(r.since.toISOString(), locale) })}</span>
        ) : null}
      </>
    ),
  }));
  return <Table first={t("last")} rows={rows} caption={props.caption} testId={props.testId} />;
}

/** One row per service with an official feed, for one window. */
export function ScorecardByService(props: { report: ScorecardReport; caption: string; testId: string }) {
  const t = useTranslations("Scorecard");
  const rows = props.report.services.map((s) => ({
    key: s.slug,
    card: s.card,
    head: <a href={`/status/${s.slug}/incidents`}>{s.name}</a>,
  }));
  return <Table first={t("service")} rows={rows} caption={props.caption} testId={props.testId} />;
}
