import { useTranslations } from "next-intl";
import { useRegionNames } from "./region-names";
import type { ReadableText } from "@/lib/reports/schemas";
import { periodArgs } from "@/lib/text/duration";
import { LocalTime } from "./local-time";
import styles from "./report-texts.module.css";

/**
 * What reporters wrote, newest first. Each text names its country but not its region: the maps hide
 * regions with few reporters, and a region beside a minute could point at one person.
 */
export function ReportTexts({
  items,
  heading,
  note,
  empty,
  cooldownMinutes,
}: {
  items: ReadableText[];
  heading: string;
  /** Above the list: which comments these are ("The newest comments from the last 24 hours"). */
  note: string;
  /** Instead of the list when there is nothing to show. */
  empty: string;
  /** REPORT_COOLDOWN_MINUTES: a person's comments show one per this period, as their reports count. */
  cooldownMinutes: number;
}) {
  const t = useTranslations("ReportTexts");
  const symptomName = useTranslations("Symptoms");
  const time = useTranslations("Time");
  const countryName = useRegionNames();
  return (
    <section className="card" aria-labelledby="texts-heading" data-testid="report-texts">
      <h2 id="texts-heading">{heading}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <p className="muted small">{t("note", { note, period: time("per", periodArgs(cooldownMinutes)) })}</p>
          <ol className={styles["report-texts"]}>
            {items.map((r) => (
              <li key={r.id}>
                <blockquote>
                  <p dir="auto">{r.text}</p>
                </blockquote>
                <p className="meta">
                  {symptomName.has(r.symptom) ? symptomName(r.symptom) : r.symptomLabel} ·{" "}
                  {countryName(r.country, r.countryName)} · <LocalTime iso={r.createdAt} withDate />
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
