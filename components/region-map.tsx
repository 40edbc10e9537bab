import { useLocale, useTranslations } from "next-intl";
import { ANOMALY_BANDS, type AnomalyBand } from "@/lib/regions/bands";
import type { MapGeometry } from "@/lib/regions/geometry";
import { describeRegion, type MapRow } from "./region-describe";
import { MapTooltip } from "./map-tooltip";
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
  return (
    <figure className={maps["region-map"]}>
      <MapTooltip>
        <svg viewBox={`0 0 ${geometry.width} ${geometry.height}`} role="group" aria-label={label}>
          <defs>
            <pattern id="too-few" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" className={maps["band-too-few-bg"]} />
              <line x1="0" y1="0" x2="0" y2="6" className={maps["band-too-few-line"]} />
            </pattern>
          </defs>
          {geometry.shapes.map((s) => {
            const r = byCode.get(s.code);
            const band: AnomalyBand = r?.band ?? "too-few";
            const text = describeRegion(r, r?.name ?? s.name, t, (b) => bands(b), locale);
            return (
              <a
                key={s.code}
                href={r?.href ?? `#region-${s.code}`}
                aria-label={text}
                data-region={s.code}
                data-band={band}
              >
                <path d={s.d} className={`${maps.region} ${maps[`band-${band}`]}`} />
              </a>
            );
          })}
        </svg>
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
