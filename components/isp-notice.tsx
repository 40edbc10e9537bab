import type { IspIncidentView } from "@/lib/isp/queries";
import { formatCount } from "@/lib/text/format";
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
  return (
    <div className={`notice ${styles.cause}`} data-testid="isp-notice" data-asn={incident.asn}>
      <p className={styles.title}>
        <strong>
          Problems reported by {incident.name} users across {formatCount(count)} services
        </strong>
      </p>
      <p>
        {serviceName ? (
          <>
            If you are on {incident.name}, the problem with {serviceName} is probably your connection, not {serviceName}
            .{" "}
          </>
        ) : null}
        Since <LocalTime iso={incident.startedAt.toISOString()} />, its users report problems with{" "}
        {nameList(count > shown.length ? [...shown, `${count - shown.length} more`] : shown)} far more than usual, while
        people on other networks do not. <IntentLink href={`/isp/${incident.asn}`}>{incident.name}</IntentLink>
      </p>
    </div>
  );
}
