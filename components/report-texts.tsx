import type { Symptom } from "@/lib/catalog/constants";
import { countryName } from "@/lib/regions/regions";
import { LocalTime } from "./local-time";

export interface ReportTextItem {
  id: number;
  createdAt: string;
  symptom: string;
  country: string;
  text: string;
}

/**
 * What reporters wrote, newest first. Each text names its country but not its region: the maps hide
 * regions with few reporters, and a region beside a minute could point at one person.
 */
export function ReportTexts({
  items,
  serviceName,
  symptoms,
  hours,
}: {
  items: ReportTextItem[];
  serviceName: string;
  symptoms: Symptom[];
  /** How far back the list reaches, for the words around it. */
  hours: number;
}) {
  const label = (slug: string) => symptoms.find((s) => s.slug === slug)?.label ?? slug;
  return (
    <section className="card" aria-labelledby="texts-heading" data-testid="report-texts">
      <h2 id="texts-heading">What people say</h2>
      {items.length === 0 ? (
        <p className="muted">
          Nobody has described a problem with {serviceName} in the last {hours} hours. If something is wrong for you,
          say what in the report form.
        </p>
      ) : (
        <>
          <p className="muted small">
            The newest comments from the last {hours} hours, one per person an hour. Written by reporters, not checked
            by Outage Radar; abuse is removed.
          </p>
          <ol className="report-texts">
            {items.map((r) => (
              <li key={r.id}>
                <blockquote>
                  <p dir="auto">{r.text}</p>
                </blockquote>
                <p className="meta">
                  {label(r.symptom)} · {countryName(r.country)} · <LocalTime iso={r.createdAt} withDate />
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
