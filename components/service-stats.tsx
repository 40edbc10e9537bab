import { useLocale, useTranslations } from "next-intl";
import type { ServiceStats } from "@/lib/services/stats";
import { formatDuration } from "@/lib/text/duration";
import { formatCount } from "@/lib/text/format";
import styles from "./service-stats.module.css";

/** The service's record in numbers: how often, how long, how fast it was noticed and fixed. */
export function ServiceStatsList({ stats }: { stats: ServiceStats }) {
  const t = useTranslations("Record");
  const locale = useLocale();
  const minutes = (m: number | null) => (m === null ? "–" : formatDuration(m, locale));
  return (
    <>
      <p className="muted">{t("period", { year: stats.days >= 365 ? "yes" : "no", days: stats.days })}</p>
      <dl className={styles["stat-list"]} data-testid="service-stats">
        <div>
          <dt>{t("incidents")}</dt>
          <dd>{formatCount(stats.incidents, locale)}</dd>
        </div>
        <div>
          <dt>{t("perYear")}</dt>
          <dd>{formatCount(stats.incidentsPerYear, locale)}</dd>
        </div>
        <div>
          <dt>{t("totalDowntime")}</dt>
          <dd>{formatDuration(stats.totalDowntimeMinutes, locale)}</dd>
        </div>
        <div>
          <dt>{t("medianDowntime")}</dt>
          <dd>{minutes(stats.medianDowntimeMinutes)}</dd>
        </div>
        <div>
          <dt>{t("medianDetect")}</dt>
          <dd>{minutes(stats.medianDetectMinutes)}</dd>
        </div>
        <div>
          <dt>{t("medianResolve")}</dt>
          <dd>{minutes(stats.medianResolveMinutes)}</dd>
        </div>
      </dl>
    </>
  );
}
