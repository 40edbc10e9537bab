import { useLocale, useTranslations } from "next-intl";
import styles from "./downtime-heatmap.module.css";

/** Monday first, as the heat map's rows are; 1 January 2024 was a Monday. */
const MONDAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** 0 for none, then four steps relative to the busiest hour: the shade repeats the number, never replaces it. */
function step(minutes: number, max: number): number {
  if (minutes <= 0 || max <= 0) return 0;
  return Math.min(4, 1 + Math.floor((minutes / max) * 4 - 1e-9));
}

/** "When it usually breaks": minutes in incidents per hour of the week, as a table shaded like a heat map. */
/** The cell's classes: a number column, shaded from its step up (step 0 is not shaded). */
const heatClass = (n: number) => (n > 0 ? `num ${styles[`heat-${n}`]}` : "num");

export function DowntimeHeatmap({ heatmap, serviceName }: { heatmap: number[][]; serviceName: string }) {
  const t = useTranslations("Record");
  const locale = useLocale();
  const max = Math.max(0, ...heatmap.flat());
  const dayName = (d: number, weekday: "long" | "short") =>
    new Intl.DateTimeFormat(locale, { weekday, timeZone: "UTC" }).format(MONDAY + d * DAY_MS);
  const hour = (h: number) => String(h).padStart(2, "0");
  return (
    <div className="data-table-wrap" role="region" aria-labelledby="heatmap-caption" tabIndex={0}>
      <table className={`data ${styles.heatmap}`} data-testid="downtime-heatmap">
        <caption id="heatmap-caption">{t("heatmapCaption", { service: serviceName })}</caption>
        <thead>
          <tr>
            <td />
            {HOURS.map((h) => (
              <th key={h} scope="col" className="num">
                <abbr title={t("hourTitle", { from: hour(h), to: hour(h + 1) })}>{hour(h)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatmap.map((hours, d) => (
            <tr key={d}>
              <th scope="row">
                <abbr title={dayName(d, "long")}>{dayName(d, "short")}</abbr>
              </th>
              {hours.map((minutes, h) => (
                <td key={h} className={heatClass(step(minutes, max))}>
                  {minutes > 0 ? minutes : <span className="visually-hidden">0</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
