import type { Symptom } from "@/lib/catalog/constants";
import { countryName } from "@/lib/regions/regions";
import { perPeriod } from "@/lib/text/duration";
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
  symptoms,
  heading,
  note,
  empty,
  cooldownMinutes,
}: {
  items: ReportTextItem[];
  /** The service's problems, for their labels. */
  symptoms: Symptom[];
  heading: string;
  /** Above the list: which comments these are ("The newest comments from the last 24 hours"). */
  note: string;
  /** Instead of the list when there is nothing to show. */
  empty: string;
  /** REPORT_COOLDOWN_MINUTES: a person's comments show one per this period, as their reports count. */
  cooldownMinutes: number;
}) {
  const label = (slug: string) => symptoms.find((s) => s.slug === slug)?.label ?? slug;
  return (
    <section className="card" aria-labelledby="texts-heading" data-testid="report-texts">
      <h2 id="texts-heading">{heading}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <p className="muted small">
            {note}, one per person {perPeriod(cooldownMinutes)}. Written by reporters, not checked by Outage Radar;
            abuse is removed.
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
