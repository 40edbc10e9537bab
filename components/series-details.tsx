import { IntentLink } from "./intent-link";
import styles from "./series-details.module.css";
import { useTranslations } from "next-intl";

/** What the chart's lines and shading mean, in words (the chart never relies on colour alone). */
export function ChartLegend({ bucketMinutes, incidents }: { bucketMinutes: number; incidents: boolean }) {
  const t = useTranslations("Chart");
  return (
    <p className={styles["chart-legend"]}>
      <span>
        <span className={styles["legend-swatch"]} aria-hidden="true" />
        {t("reporting", { minutes: bucketMinutes })}
      </span>
      <span>
        <span className={`${styles["legend-swatch"]} ${styles["legend-expected"]}`} aria-hidden="true" />
        {t("usualDashed")}
      </span>
      <span>
        <span className={`${styles["legend-swatch"]} ${styles["legend-threshold"]}`} aria-hidden="true" />
        {t("alarmDotted")}
      </span>
      {incidents ? (
        <span>
          <span className={`${styles["legend-swatch"]} ${styles["legend-incident"]}`} aria-hidden="true" />
          {t("shadedIncident")}
        </span>
      ) : null}
      <IntentLink href="/about#deciding-heading">{t("howWeDecide")}</IntentLink>
    </p>
  );
}
