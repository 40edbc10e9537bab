import type { CauseView } from "@/lib/upstreams/queries";
import { OFFICIAL_STATUS_LABELS, type OfficialStatus } from "@/lib/official/types";
import { formatCount } from "@/lib/text/format";
import { nameList } from "@/lib/text/name-list";
import { IntentLink } from "./intent-link";
import { LocalTime } from "./local-time";
import styles from "./common-causes.module.css";

/** "Likely common cause: Cloudflare (14 services at once)", with what shows it. */
export function CommonCause({ cause, exclude }: { cause: CauseView; exclude?: number }) {
  const others = cause.services.filter((s) => s.serviceId !== exclude);
  const shown = others.slice(0, 6).map((s) => s.name);
  const rest = others.length - shown.length;
  return (
    <div className={`notice ${styles.cause}`} data-testid="common-cause" data-upstream={cause.upstream}>
      <p className={styles.title}>
        <strong>Likely common cause: {cause.name}</strong> ({formatCount(cause.services.length)}{" "}
        {cause.services.length === 1 ? "service" : "services"} at once)
      </p>
      <p>
        {exclude !== undefined && others.length ? "Also affected: " : "Affected: "}
        {nameList(rest > 0 ? [...shown, `${rest} more`] : shown.length ? shown : ["this service"])}, since{" "}
        <LocalTime iso={cause.startedAt.toISOString()} />.
        {cause.official ? (
          <>
            {" "}
            {cause.name}&apos;s own status page:{" "}
            {OFFICIAL_STATUS_LABELS[cause.official.status as OfficialStatus] ?? cause.official.status}
            {cause.official.title ? ` (“${cause.official.title}”)` : ""}.
          </>
        ) : null}
        {cause.crowdIncidentId ? <> People report problems with {cause.name} itself too.</> : null}{" "}
        <IntentLink href={`/causes/${cause.id}`}>The evidence</IntentLink>
      </p>
    </div>
  );
}
