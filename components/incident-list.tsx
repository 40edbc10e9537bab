import { useLocale, useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";
import type { IncidentSummary } from "@/lib/incidents/queries";
import { regionNameIn } from "@/lib/regions/regions";
import { formatDuration } from "@/lib/text/duration";
import { nameList } from "@/lib/text/name-list";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";
import styles from "./incident-list.module.css";

/**
 * Incidents as a table: what, how bad, when, how long, where. Each row links to its story. On a
 * phone each row is laid out as a card (incident-list.module.css); the roles are spelled out because some
 * browsers drop a table's semantics once its display is changed.
 */
export function IncidentList({
  items,
  caption,
  showService = true,
  empty,
}: {
  items: IncidentSummary[];
  caption: string;
  showService?: boolean;
  /** What to say when there are none. */
  empty?: string;
}) {
  const t = useTranslations("Incidents");
  const locale = useLocale();
  if (items.length === 0) return <p className="muted">{empty ?? t("noneMatch")}</p>;
  return (
    <div className="data-table-wrap data-table-tall" tabIndex={0} role="region" aria-label={caption}>
      <table className={`data ${styles["incident-table"]}`} role="table" data-testid="incident-list">
        <caption className="visually-hidden">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {[
              t("incident"),
              ...(showService ? [t("service")] : []),
              t("level"),
              t("started"),
              t("lasted"),
              t("where"),
            ].map((name) => (
              <th key={name} scope="col" role="columnheader">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {items.map((i) => (
            <tr key={i.id} role="row">
              <th scope="row" role="rowheader">
                <IntentLink href={`/incidents/${i.id}`}>#{i.id}</IntentLink>
              </th>
              {showService ? (
                <td role="cell" className={styles["incident-service"]}>
                  {i.service.name}
                </td>
              ) : null}
              <td role="cell">
                <StatusBadge level={i.level} />
              </td>
              {/* data-label: the column's name, shown beside the value where the header row is hidden. */}
              <td role="cell" data-label={t("started")}>
                <LocalTime iso={i.startedAt} withDate />
              </td>
              <td role="cell" data-label={t("lasted")}>
                {i.endedAt
                  ? formatDuration(i.durationMinutes, locale)
                  : t("ongoing", { duration: formatDuration(i.durationMinutes, locale) })}
              </td>
              <td role="cell" data-label={t("where")}>
                {i.regions.length
                  ? nameList(
                      i.regions.map((r) => regionNameIn(r, locale)),
                      3,
                      "and",
                      locale,
                    )
                  : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
