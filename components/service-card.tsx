import { useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";
import type { CategorySlug, StatusLevel } from "@/lib/catalog/constants";
import { Sparkline } from "./sparkline";
import { StatusBadge } from "./status-badge";
import styles from "./service-card.module.css";

export interface ServiceCardData {
  slug: string;
  name: string;
  category: CategorySlug;
  aliases: string[];
  status: StatusLevel;
  reportersLastHour: number;
  /**
   * The same count as the page's language writes it, formatted by the server: cards drawn in the
   * browser (the directory's) then need no Intl, whose start-up holds a phone's main thread.
   */
  reportersLastHourText: string;
  sparkline: number[];
}

export function ServiceCard({ s }: { s: ServiceCardData }) {
  const t = useTranslations("Directory");
  const categories = useTranslations("Categories");
  const reports = t("reportsLastHour", { count: s.reportersLastHour, formatted: s.reportersLastHourText });
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
        {categories(s.category)} · {reports}
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
