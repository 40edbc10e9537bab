import { useLocale, useTranslations } from "next-intl";
import { countryNameIn } from "@/lib/regions/regions";
import { IntentLink } from "./intent-link";
import type { RegionRow } from "@/lib/regions/map-data";
import { MapLegend } from "./region-map";
import { previewSummary } from "./region-describe";
import styles from "./region-map-preview.module.css";

/**
 * The service page's small map: the last hour by country as an image (the full, interactive map
 * is a click away), with the unusual countries named in words.
 */
export function RegionMapPreview({
  rows,
  serviceName,
  slug,
}: {
  rows: RegionRow[];
  serviceName: string;
  slug: string;
}) {
  const href = `/status/${slug}/map`;
  const t = useTranslations("MapPreview");
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="where-heading" data-testid="map-preview">
      <h2 id="where-heading">{t("heading")}</h2>
      <p>{previewSummary(rows, t, locale, (r) => countryNameIn(r.code, locale))}</p>
      <IntentLink href={href} className={styles["map-preview-link"]} tabIndex={-1} aria-hidden="true">
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG the server draws; nothing for next/image to optimise */}
        <img src={`/status/${slug}/map-preview.svg`} alt="" width={960} height={470} loading="lazy" />
      </IntentLink>
      <MapLegend />
      <p className="links">
        <IntentLink href={href}>{t("openMap", { name: serviceName })}</IntentLink>
      </p>
    </section>
  );
}
