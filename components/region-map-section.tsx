import { useLocale, useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";
import { MAP_WINDOWS, type MapWindowKey, type RegionRow } from "@/lib/regions/map-data";
import { countryNameIn, subdivisionsOf } from "@/lib/regions/regions";
import type { MapGeometry } from "@/lib/regions/geometry";
import { LiveRefresh } from "./live-refresh";
import { RegionMap } from "./region-map";
import {
  formatRatio,
  formatUsual,
  mapSummary,
  scopeWords,
  type MapRow,
  type MapScope,
  type RegionLevel,
} from "./region-describe";
import { RegionTable } from "./region-table";

/** How often map pages re-render from live data. */
const MAP_REFRESH_SECONDS = 30;

/**
 * Window selector, summary, map (where there is geometry for the level) and the ranked, sortable
 * table; shared by the world and drill-down pages, global and per service, in the page's language.
 */
export function RegionMapSection({
  rows,
  windowKey,
  basePath,
  country,
  geometry,
  service,
}: {
  rows: MapRow[];
  windowKey: MapWindowKey;
  basePath: string;
  /** The country drilled into (its code); absent for the world map. */
  country?: string;
  geometry: MapGeometry | null;
  /** The service a per-service map follows; the world maps follow every service. */
  service?: { slug: string; name: string };
}) {
  const t = useTranslations("Maps");
  const locale = useLocale();
  // The world's rows are countries, named in the page's language; a country's regions keep the
  // names of the ISO data.
  const named = country ? rows : rows.map((r) => ({ ...r, name: countryNameIn(r.code, locale) }));
  const scope: MapScope = {
    subject: service?.name ?? t("allServices"),
    country: country ? countryNameIn(country, locale) : null,
    level: regionLevel(country),
    window: windowKey,
  };
  const words = scopeWords(scope, t);
  const tableWords = useTranslations("RegionTable");
  const tableRows = named.map((r) => ({
    ...r,
    usualText: r.expected === null ? "–" : formatUsual(r.expected, locale),
    ratioText: r.ratio === null ? "–" : formatRatio(r.ratio, locale),
  }));
  const hidden = rows.filter((r) => r.reporters === null).length;
  return (
    <>
      <LiveRefresh
        seconds={MAP_REFRESH_SECONDS}
        // eslint-disable-next-line react-hooks/purity -- a server component, drawn once per request: this is when
        drawnAt={Date.now()}
        events={service ? `/api/v1/services/${encodeURIComponent(service.slug)}/events` : undefined}
      />
      <nav aria-label={t("windowNav")}>
        <ul className="chips">
          {MAP_WINDOWS.map((w) => (
            <li key={w.key}>
              <IntentLink
                className="chip"
                href={`${basePath}?window=${w.key}`}
                aria-current={w.key === windowKey ? "page" : undefined}
              >
                {t("window", { window: w.key })}
              </IntentLink>
            </li>
          ))}
        </ul>
      </nav>
      <p className="notice notice-info" data-testid="map-summary" aria-live="polite">
        {mapSummary(named, scope, t, locale)}
      </p>
      {geometry ? (
        <section className="card" aria-labelledby="map-heading" style={{ marginTop: "1rem" }}>
          <h2 id="map-heading">{t("mapHeading")}</h2>
          <RegionMap
            geometry={country ? geometry : namedShapes(geometry, locale)}
            rows={named}
            label={t("mapLabel", words)}
          />
        </section>
      ) : null}
      <section className="card" aria-labelledby="table-heading" style={geometry ? undefined : { marginTop: "1rem" }}>
        <h2 id="table-heading">{t("tableHeading", { level: scope.level, country: scope.country ?? "" })}</h2>
        <RegionTable
          rows={tableRows}
          caption={t("tableCaption", words)}
          level={scope.level}
          hiddenNote={hidden > 0 ? tableWords("hidden", { count: hidden }) : null}
        />
      </section>
    </>
  );
}

/** The US is drawn by state; other countries by their first-level regions; the world by country. */
export function regionLevel(country: string | undefined): RegionLevel {
  return country === undefined ? "country" : country === "US" ? "state" : "region";
}

function namedShapes(geometry: MapGeometry, locale: string): MapGeometry {
  if (locale === "en") return geometry;
  return { ...geometry, shapes: geometry.shapes.map((s) => ({ ...s, name: countryNameIn(s.code, locale) })) };
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
