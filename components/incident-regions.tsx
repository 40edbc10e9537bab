import { useLocale, useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";
import type { IncidentRegion } from "@/lib/incidents/queries";
import { formatShare, SHARE_BANDS } from "@/lib/regions/share";
import { MIN_REGION_REPORTERS } from "@/lib/regions/anomaly";
import { countryNameIn } from "@/lib/regions/regions";
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
  const t = useTranslations("IncidentRegions");
  const locale = useLocale();
  if (regions.length === 0) return <p className="muted">{t("none")}</p>;
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
      <ul className={maps["map-legend"]} aria-label={t("legend")}>
        {SHARE_BANDS.map((b) => (
          <li key={b}>
            <svg width="18" height="12" aria-hidden="true" focusable="false">
              <rect width="18" height="12" className={`${maps.region} ${maps[b]}`} />
            </svg>
            {t(`shares.${b}`, { min: MIN_REGION_REPORTERS })}
          </li>
        ))}
      </ul>
      <div className="data-table-wrap">
        <table className="data" data-testid="incident-regions">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("country")}</th>
              <th scope="col" className="num">
                {t("people")}
              </th>
              <th scope="col" className="num">
                {t("share")}
              </th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  <IntentLink href={`/status/${slug}/map/${r.code}?window=24h`}>
                    {countryNameIn(r.code, locale)}
                  </IntentLink>
                </th>
                <td className="num">{formatCount(r.reporters, locale)}</td>
                <td className="num">{formatShare(r.reporters, total, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
