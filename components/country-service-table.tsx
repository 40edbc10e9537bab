import { BAND_LABELS } from "@/lib/regions/bands";
import type { CountryServiceRow } from "@/lib/regions/country-services";
import { IntentLink } from "./intent-link";
import { formatRatio, formatUsual } from "./region-describe";

/** A country's services, most unusual first; those under the privacy minimum are counted, not listed. */
export function CountryServiceTable({ rows, caption }: { rows: CountryServiceRow[]; caption: string }) {
  const shown = rows.filter((r) => r.reporters !== null);
  const hidden = rows.length - shown.length;
  return (
    <>
      <div className="data-table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table className="data" data-testid="country-services">
          <caption className="visually-hidden">{caption}, most unusual first</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                People reporting
              </th>
              <th scope="col" className="num">
                Usual
              </th>
              <th scope="col" className="num">
                Times usual
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.slug} data-band={r.band}>
                <th scope="row">
                  <IntentLink href={`/status/${r.slug}`}>{r.name}</IntentLink>
                </th>
                <td>{BAND_LABELS[r.band]}</td>
                <td className="num">{r.reporters}</td>
                <td className="num">{r.expected === null ? "–" : formatUsual(r.expected)}</td>
                <td className="num">{r.ratio === null ? "–" : formatRatio(r.ratio)}</td>
              </tr>
            ))}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={5}>No service has enough reports from here to show.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {hidden > 0 ? (
        <p className="muted">
          {hidden} more {hidden === 1 ? "service has" : "services have"} too few reports from here to show.
        </p>
      ) : null}
    </>
  );
}
