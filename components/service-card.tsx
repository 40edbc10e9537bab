import { IntentLink } from "./intent-link";
import { categoryLabel, type CategorySlug, type StatusLevel } from "@/lib/catalog/constants";
import { Sparkline } from "./sparkline";
import { StatusBadge } from "./status-badge";
import { formatCount } from "@/lib/text/format";
import styles from "./service-card.module.css";

export interface ServiceCardData {
  slug: string;
  name: string;
  category: CategorySlug;
  aliases: string[];
  status: StatusLevel;
  reportersLastHour: number;
  sparkline: number[];
}

export function ServiceCard({ s }: { s: ServiceCardData }) {
  const reports = `${formatCount(s.reportersLastHour)} ${s.reportersLastHour === 1 ? "report" : "reports"} in the last hour`;
  return (
    <IntentLink
      href={`/status/${s.slug}`}
      className={`${styles["service-card"]} is-${s.status}`}
      data-testid={`service-${s.slug}`}
    >
      <span className="name">{s.name}</span>
      <Sparkline values={s.sparkline} className={styles.spark} />
      <StatusBadge level={s.status} />
      <span className="meta">
        {categoryLabel(s.category)} · {reports}
      </span>
    </IntentLink>
  );
}

/** A grid of service cards; extra props (label, test id, style) go to the list. */
export function ServiceGrid({ services, ...list }: { services: ServiceCardData[] } & React.ComponentProps<"ul">) {
  return (
    <ul className={styles.grid} {...list}>
      {services.map((s) => (
        <li key={s.slug}>
          <ServiceCard s={s} />
        </li>
      ))}
    </ul>
  );
}
