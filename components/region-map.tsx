import { useLocale, useTranslations } from "next-intl";
import { ANOMALY_BANDS, type AnomalyBand } from "@/lib/regions/bands";
import type { MapGeometry } from "@/lib/regions/geometry";
import { linkedChoroplethMarkup } from "@/lib/regions/svg";
import { describeRegion, type MapRow } from "./region-describe";
import { MapTooltip } from "./map-tooltip";
import { MapMarkup } from "./map-markup";
import maps from "./maps.module.css";

/**
 * A choropleth drawn on the server as SVG, shaded by each region against its own baseline, so it
 * shows without JavaScript. Every region is a link (to its drill-down or its table row) whose
 * accessible name carries the numbers, so keyboard and screen-reader users get what the colours say.
 */
export function RegionMap({ geometry, rows, label }: { geometry: MapGeometry; rows: MapRow[]; label: string }) {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const t = useTranslations("Maps");
  const bands = useTranslations("Bands");
  const locale = useLocale();
  const regions = geometry.shapes.map((s) => {
    const r = byCode.get(s.code);
    const band: AnomalyBand = r?.band ?? "too-few";
    return {
      code: s.code,
      d: s.d,
      href: r?.href ?? `#region-${s.code}`,
      label: describeRegion(r, r?.name ?? s.name, t, (b) => bands(b), locale),
      band,
      className: `${maps.region} ${maps[`band-${band}`]}`,
    };
  });
  const markup = linkedChoroplethMarkup(geometry, label, regions, {
    background: maps["band-too-few-bg"]!,
    line: maps["band-too-few-line"]!,
  });
  return (
    <figure className={maps["region-map"]}>
      <MapTooltip>
        <MapMarkup markup={markup} />
      </MapTooltip>
      <figcaption>
        <MapLegend />
      </figcaption>
    </figure>
  );
}

export function MapLegend() {
  const t = useTranslations("Bands");
  return (
    <ul className={maps["map-legend"]} aria-label={t("legend")}>
      {ANOMALY_BANDS.map((b) => (
        <li key={b}>
          <svg width="18" height="12" aria-hidden="true" focusable="false">
            <rect width="18" height="12" className={`${maps.region} ${maps[`band-${b}`]}`} />
          </svg>
          {t(b)}
        </li>
      ))}
    </ul>
  );
}
