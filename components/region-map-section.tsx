import { IntentLink } from "./intent-link";
import { MAP_WINDOWS, type MapWindowKey, type RegionRow } from "@/lib/regions/map-data";
import { subdivisionsOf } from "@/lib/regions/regions";
import type { MapGeometry } from "@/lib/regions/geometry";
import { LiveRefresh } from "./live-refresh";
import { RegionMap } from "./region-map";
import { mapSummary, type MapRow } from "./region-describe";
import { RegionTable } from "./region-table";

/** How often map pages re-render from live data. */
const MAP_REFRESH_SECONDS = 30;

/**
 * Window selector, summary, map (where there is geometry for the level) and the ranked, sortable
 * table; shared by the world and drill-down pages, global and per service.
 */
export function RegionMapSection({
  rows,
  windowKey,
  basePath,
  subject,
  place,
  regionLabel,
  geometry,
  service,
}: {
  rows: MapRow[];
  windowKey: MapWindowKey;
  basePath: string;
  subject: string;
  /** "by country", "in Germany"… */
  place: string;
  /** What one row is: "Country", "State", "Region". */
  regionLabel: string;
  geometry: MapGeometry | null;
  /** The service a per-service map follows; the world maps follow every service. */
  service?: string;
}) {
  const window = MAP_WINDOWS.find((w) => w.key === windowKey)!;
  const when = window.label.toLowerCase();
  return (
    <>
      <LiveRefresh
        seconds={MAP_REFRESH_SECONDS}
        // eslint-disable-next-line react-hooks/purity -- a server component, drawn once per request: this is when
        drawnAt={Date.now()}
        events={service ? `/api/v1/services/${encodeURIComponent(service)}/events` : undefined}
      />
      <nav aria-label="Time window">
        <ul className="chips">
          {MAP_WINDOWS.map((w) => (
            <li key={w.key}>
              <IntentLink
                className="chip"
                href={`${basePath}?window=${w.key}`}
                aria-current={w.key === windowKey ? "page" : undefined}
              >
                {w.label}
              </IntentLink>
            </li>
          ))}
        </ul>
      </nav>
      <p className="notice notice-info" data-testid="map-summary" aria-live="polite">
        {mapSummary(rows, { subject, place, regionLabel, when })}
      </p>
      {geometry ? (
        <section className="card" aria-labelledby="map-heading" style={{ marginTop: "1rem" }}>
          <h2 id="map-heading">Where people report problems, against each region&apos;s usual level</h2>
          <RegionMap geometry={geometry} rows={rows} label={`Map of reports for ${subject} ${place}, ${when}`} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="table-heading" style={geometry ? undefined : { marginTop: "1rem" }}>
        <h2 id="table-heading">
          {regionLabel === "Country" ? "By country" : `${regionLabel}s ${place}`}, most unusual first
        </h2>
        <RegionTable rows={rows} caption={`Reports for ${subject} ${place}, ${when}`} regionLabel={regionLabel} />
      </section>
    </>
  );
}

export function windowFrom(value: string | string[] | undefined): MapWindowKey {
  return MAP_WINDOWS.some((w) => w.key === value) ? (value as MapWindowKey) : "1h";
}

export function windowMinutes(key: MapWindowKey): number {
  return MAP_WINDOWS.find((w) => w.key === key)!.minutes;
}

/** Countries with subdivisions in the catalog link to their drill-down page, keeping the window. */
export function withDrillDown(rows: RegionRow[], basePath: string, windowKey: MapWindowKey): MapRow[] {
  return rows.map((r) =>
    subdivisionsOf(r.code).length > 0 ? { ...r, href: `${basePath}/${r.code}?window=${windowKey}` } : r,
  );
}
