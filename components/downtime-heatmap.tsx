import styles from "./downtime-heatmap.module.css";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
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
  const max = Math.max(0, ...heatmap.flat());
  return (
    <div className="data-table-wrap" role="region" aria-labelledby="heatmap-caption" tabIndex={0}>
      <table className={`data ${styles.heatmap}`} data-testid="downtime-heatmap">
        <caption id="heatmap-caption">
          When {serviceName} usually breaks: minutes in incidents by day and hour (UTC) over that period
        </caption>
        <thead>
          <tr>
            <td />
            {HOURS.map((h) => (
              <th key={h} scope="col" className="num">
                <abbr title={`${String(h).padStart(2, "0")}:00 to ${String(h + 1).padStart(2, "0")}:00 UTC`}>
                  {String(h).padStart(2, "0")}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatmap.map((hours, d) => (
            <tr key={DAYS[d]}>
              <th scope="row">
                <abbr title={DAYS[d]}>{DAYS[d]!.slice(0, 3)}</abbr>
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
