import { IntentLink } from "./intent-link";
import type { IncidentRegion } from "@/lib/incidents/queries";
import { formatShare, SHARE_BANDS, SHARE_LABELS } from "@/lib/regions/share";
import { formatCount } from "@/lib/text/format";
import styles from "./incident-regions.module.css";
import maps from "./maps.module.css";

/**
 * Where an incident was: a small map (a picture; the table under it says the same in words and
 * numbers) and the countries ranked, each a link to the service's map of that country.
 */
export function IncidentRegions({
  incidentId,
  slug,
  regions,
  total,
}: {
  incidentId: number;
  slug: string;
  regions: IncidentRegion[];
  total: number;
}) {
  if (regions.length === 0) return <p className="muted">No country had enough reports to show.</p>;
  return (
    <>
      {/* eslint-disable-next-line @next/next/no-img-element -- an SVG the server draws; nothing for next/image to optimise */}
      <img
        className={styles["incident-map"]}
        src={`/incidents/${incidentId}/map.svg`}
        alt=""
        width={960}
        height={470}
        loading="lazy"
        data-testid="incident-map"
      />
      <ul className={maps["map-legend"]} aria-label="Legend: share of the incident's reports">
        {SHARE_BANDS.map((b) => (
          <li key={b}>
            <svg width="18" height="12" aria-hidden="true" focusable="false">
              <rect width="18" height="12" className={`${maps.region} ${maps[b]}`} />
            </svg>
            {SHARE_LABELS[b]}
          </li>
        ))}
      </ul>
      <div className="data-table-wrap">
        <table className="data" data-testid="incident-regions">
          <caption className="visually-hidden">Countries with most people reporting during the incident</caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col" className="num">
                People
              </th>
              <th scope="col" className="num">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  <IntentLink href={`/status/${slug}/map/${r.code}?window=24h`}>{r.name}</IntentLink>
                </th>
                <td className="num">{formatCount(r.reporters)}</td>
                <td className="num">{formatShare(r.reporters, total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
