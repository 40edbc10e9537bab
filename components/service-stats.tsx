import type { ServiceStats } from "@/lib/services/stats";
import { formatDuration } from "@/lib/text/duration";
import { formatCount } from "@/lib/text/format";
import styles from "./service-stats.module.css";

const minutes = (m: number | null) => (m === null ? "–" : formatDuration(m));

/** The service's record in numbers: how often, how long, how fast it was noticed and fixed. */
export function ServiceStatsList({ stats }: { stats: ServiceStats }) {
  const period = stats.days >= 365 ? "last 12 months" : `last ${stats.days} ${stats.days === 1 ? "day" : "days"}`;
  return (
    <>
      <p className="muted">Over the {period} of history.</p>
      <dl className={styles["stat-list"]} data-testid="service-stats">
        <div>
          <dt>Incidents</dt>
          <dd>{formatCount(stats.incidents)}</dd>
        </div>
        <div>
          <dt>Incidents per year</dt>
          <dd>{formatCount(stats.incidentsPerYear)}</dd>
        </div>
        <div>
          <dt>Total downtime</dt>
          <dd>{formatDuration(stats.totalDowntimeMinutes)}</dd>
        </div>
        <div>
          <dt>Median downtime</dt>
          <dd>{minutes(stats.medianDowntimeMinutes)}</dd>
        </div>
        <div>
          <dt>Median time to detect</dt>
          <dd>{minutes(stats.medianDetectMinutes)}</dd>
        </div>
        <div>
          <dt>Median time to resolve</dt>
          <dd>{minutes(stats.medianResolveMinutes)}</dd>
        </div>
      </dl>
    </>
  );
}
