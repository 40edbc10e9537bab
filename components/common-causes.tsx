import { useLocale, useTranslations } from "next-intl";
import type { CauseView } from "@/lib/upstreams/queries";
import { isOfficialStatus } from "@/lib/official/types";
import { nameList } from "@/lib/text/name-list";
import { IntentLink } from "./intent-link";
import { LocalTime } from "./local-time";
import styles from "./common-causes.module.css";

/** "Likely common cause: Cloudflare (14 services at once)", with what shows it. */
export function CommonCause({ cause, exclude }: { cause: CauseView; exclude?: number }) {
  const others = cause.services.filter((s) => s.serviceId !== exclude);
  const shown = others.slice(0, 6).map((s) => s.name);
  const rest = others.length - shown.length;
  const t = useTranslations("Causes");
  const official = useTranslations("Official");
  const locale = useLocale();
  const names = rest > 0 ? [...shown, t("more", { count: rest })] : shown.length ? shown : [t("thisService")];
  return (
    <div className={`notice ${styles.cause}`} data-testid="common-cause" data-upstream={cause.upstream}>
      <p className={styles.title}>
        {t.rich("title", {
          name: cause.name,
          count: cause.services.length,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <p>
        {t.rich(exclude !== undefined && others.length ? "alsoAffected" : "affected", {
          list: nameList(names, 7, "and", locale),
          since: () => <LocalTime iso={cause.startedAt.toISOString()} />,
        })}
        {cause.official ? (
          <>
            {" "}
            {t("ownPage", {
              name: cause.name,
              status: isOfficialStatus(cause.official.status)
                ? official(`status.${cause.official.status}`)
                : cause.official.status,
              title: cause.official.title ? ` (“${cause.official.title}”)` : "",
            })}
          </>
        ) : null}
        {cause.crowdIncidentId ? <> {t("itselfToo", { name: cause.name })}</> : null}{" "}
        <IntentLink href={`/causes/${cause.id}`}>{t("evidence")}</IntentLink>
      </p>
    </div>
  );
}
