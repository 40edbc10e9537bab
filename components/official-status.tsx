import { useLocale, useTranslations } from "next-intl";
import type { StatusLevel } from "@/lib/catalog/constants";
import { OFFICIAL_STATUS_LABELS, type OfficialStatus } from "@/lib/official/types";
import type { OfficialView } from "@/lib/official/views";
import { formatAge } from "@/lib/text/format";
import { LocalTime } from "./local-time";
import { StatusIcon } from "./status-icon";
import styles from "./official-status.module.css";

const ICON: Record<OfficialStatus, StatusLevel> = {
  operational: "ok",
  maintenance: "possible",
  degraded: "possible",
  major: "outage",
};

/**
 * What the company's own status page says, beside the crowd's banner: the status in words and a
 * shape (never colour alone), how old the reading is, and the incident the company posted.
 */
export function OfficialStatusLine({
  official,
  name,
  drawnAt,
}: {
  official: OfficialView;
  name: string;
  drawnAt: Date;
}) {
  const t = useTranslations("Official");
  const locale = useLocale();
  const age = formatAge(drawnAt.getTime() - Date.parse(official.updatedAt), locale);
  const label = t(`status.${official.status}`);
  return (
    <section
      className={styles.official}
      aria-labelledby="official-heading"
      data-testid="official-status"
      data-status={official.status}
    >
      <p className={styles.line}>
        <span className={`level-${ICON[official.status]} ${styles.icon}`}>
          <StatusIcon level={ICON[official.status]} size={18} />
        </span>
        <span>
          <strong id="official-heading">{t("heading")}</strong> {label}
          {official.description && official.description !== OFFICIAL_STATUS_LABELS[official.status]
            ? ` (“${official.description}”)`
            : null}
          <span className={styles.age}> · {t(official.stale ? "stale" : "updated", { age })}</span>
        </span>
      </p>
      {official.incident ? (
        <p className={styles.incident}>
          {t("says", { name })}{" "}
          {official.incident.url ? (
            <a href={official.incident.url} rel="noopener external">
              {official.incident.title}
            </a>
          ) : (
            official.incident.title
          )}{" "}
          <span className={styles.age}>
            {t.rich("posted", { at: () => <LocalTime iso={official.incident!.postedAt} withDate /> })}
          </span>
        </p>
      ) : null}
      {official.url ? (
        <p className={styles.source}>
          <a href={official.url} rel="noopener external">
            {t("page", { name })}
          </a>
        </p>
      ) : null}
    </section>
  );
}
