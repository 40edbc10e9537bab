import Link from "next/link";
import { MAP_WINDOWS, type MapWindowKey, type RegionRow } from "@/lib/queries/region-map";
import { worldGeometry } from "@/lib/regions/geometry";
import { RegionMap, RegionTable } from "./region-map";

/** Window selector, world map and its table; shared by the global and the per-service map pages. */
export function RegionMapSection({
  rows,
  windowKey,
  basePath,
  subject,
}: {
  rows: RegionRow[];
  windowKey: MapWindowKey;
  basePath: string;
  subject: string;
}) {
  const window = MAP_WINDOWS.find((w) => w.key === windowKey)!;
  const unusual = rows.filter((r) => r.band === "high" || r.band === "severe");
  return (
    <>
      <nav aria-label="Time window">
        <ul className="chips">
          {MAP_WINDOWS.map((w) => (
            <li key={w.key}>
              <Link
                className="chip"
                href={`${basePath}?window=${w.key}`}
                aria-current={w.key === windowKey ? "page" : undefined}
              >
                {w.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="notice notice-info" data-testid="map-summary">
        {unusual.length === 0
          ? `No region shows unusual reports for ${subject} in the ${window.label.toLowerCase()}.`
          : `Unusual reports for ${subject} in the ${window.label.toLowerCase()}: ${unusual.map((r) => r.name).join(", ")}.`}
      </p>
      <section className="card" aria-labelledby="map-heading" style={{ marginTop: "1rem" }}>
        <h2 id="map-heading">Where people report problems, against each region&apos;s usual level</h2>
        <RegionMap
          geometry={worldGeometry()}
          rows={rows}
          label={`Map of reports for ${subject} by country, ${window.label.toLowerCase()}`}
        />
      </section>
      <section className="card" aria-labelledby="table-heading">
        <h2 id="table-heading">By country</h2>
        <RegionTable rows={rows} caption={`Reports for ${subject} by country, ${window.label.toLowerCase()}`} />
      </section>
    </>
  );
}

export function windowFrom(value: string | string[] | undefined): MapWindowKey {
  return MAP_WINDOWS.some((w) => w.key === value) ? (value as MapWindowKey) : "1h";
}
