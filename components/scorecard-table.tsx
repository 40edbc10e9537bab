import type { Scorecard } from "@/lib/official/match";
import type { ScorecardReport } from "@/lib/official/scorecard";
import { formatCount, formatUtcDay } from "@/lib/text/format";

function share(part: number, whole: number): string {
  if (whole === 0) return "–";
  return `${formatCount(part)} of ${formatCount(whole)} (${Math.round((100 * part) / whole)}%)`;
}

/** "12 min earlier", "5 min later": when we said so, against the company's own page. */
export function formatLead(minutes: number | null): string {
  if (minutes === null) return "–";
  const n = Math.round(Math.abs(minutes));
  if (n === 0) return "at the same time";
  return `${formatCount(n)} min ${minutes > 0 ? "earlier" : "later"}`;
}

function Cells({ card }: { card: Scorecard }) {
  return (
    <>
      <td className="num">{share(card.acknowledged, card.ours)}</td>
      <td className="num">{share(card.caught, card.theirs)}</td>
      <td className="num">{formatLead(card.medianLeadMinutes)}</td>
    </>
  );
}

function Head({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">
          Our incidents the company acknowledged
        </th>
        <th scope="col" className="num">
          Company incidents our reports caught
        </th>
        <th scope="col" className="num">
          We said so, median
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
  const rows = props.reports.map((r) => ({
    key: String(r.days),
    card: r.overall,
    head: (
      <>
        {r.days} days
        {r.partial ? <span className="muted"> (since {formatUtcDay(r.since.toISOString())})</span> : null}
      </>
    ),
  }));
  return <Table first="Last" rows={rows} caption={props.caption} testId={props.testId} />;
}

/** One row per service with an official feed, for one window. */
export function ScorecardByService(props: { report: ScorecardReport; caption: string; testId: string }) {
  const rows = props.report.services.map((s) => ({
    key: s.slug,
    card: s.card,
    head: <a href={`/status/${s.slug}/incidents`}>{s.name}</a>,
  }));
  return <Table first="Service" rows={rows} caption={props.caption} testId={props.testId} />;
}
