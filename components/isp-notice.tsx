import { useLocale, useTranslations } from "next-intl";
import type { IspIncidentView } from "@/lib/isp/queries";
import { nameList } from "@/lib/text/name-list";
import { IntentLink } from "./intent-link";
import { LocalTime } from "./local-time";
import styles from "./common-causes.module.css";

/**
 * "Problems reported by Comcast users across 9 services" (home page), or on a service the reporter
 * may blame wrongly: "if you are on Comcast, the problem is probably your connection".
 */
export function IspNotice({ incident, serviceName }: { incident: IspIncidentView; serviceName?: string }) {
  const count = incident.services.length;
  const shown = incident.services.slice(0, 6).map((s) => s.name);
  const t = useTranslations("Isp");
  const causes = useTranslations("Causes");
  const locale = useLocale();
  const names = count > shown.length ? [...shown, causes("more", { count: count - shown.length })] : shown;
  return (
    <div className={`notice ${styles.cause}`} data-testid="isp-notice" data-asn={incident.asn}>
      <p className={styles.title}>
        <strong>{t("title", { name: incident.name, count })}</strong>
      </p>
      <p>
        {serviceName ? <>{t("yourConnection", { name: incident.name, service: serviceName })} </> : null}
        {t.rich("since", {
          list: nameList(names, 7, "and", locale),
          since: () => <LocalTime iso={incident.startedAt.toISOString()} />,
        })}{" "}
        <IntentLink href={`/isp/${incident.asn}`}>{incident.name}</IntentLink>
      </p>
    </div>
  );
}
