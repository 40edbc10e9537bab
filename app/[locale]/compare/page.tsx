import type { Metadata } from "next";
import { IntentLink } from "@/components/intent-link";
import { CategoryChips } from "@/components/category-chips";
import { CompareTable } from "@/components/compare-table";
import { DowntimeChart } from "@/components/downtime-chart";
import { getReadDb } from "@/lib/db";
import { CATEGORY_SLUGS, type CategorySlug } from "@/lib/catalog/constants";
import { cachedCompareServices, COMPARE_PERIODS } from "@/lib/services/compare";

export const metadata: Metadata = {
  title: "Compare services: incidents and downtime",
  description: "Services side by side: how often they broke, for how long, and how fast they recovered.",
};

export default async function ComparePage({ searchParams }: PageProps<"/[locale]/compare">) {
  const raw = await searchParams;
  const period = COMPARE_PERIODS.find((p) => p.key === raw.period) ?? COMPARE_PERIODS[1];
  const category = CATEGORY_SLUGS.includes(raw.category as CategorySlug) ? (raw.category as CategorySlug) : null;
  const rows = await cachedCompareServices(getReadDb(), period.days, category);
  const worst = rows
    .filter((r) => r.downtimeMinutes > 0)
    .slice(0, 10)
    .map((r) => ({ name: r.name, hours: Math.round((r.downtimeMinutes / 60) * 10) / 10 }));
  const href = (p: string, c: string | null) => `/compare?period=${p}${c ? `&category=${c}` : ""}`;
  return (
    <>
      <h1>Compare services</h1>
      <p className="muted">
        Incidents Outage Radar detected, how long they lasted and how fast they were resolved, from people&apos;s
        reports. Downtime counts every minute a service was in an incident.
      </p>
      <nav aria-label="Period">
        <ul className="chips">
          {COMPARE_PERIODS.map((p) => (
            <li key={p.key}>
              <IntentLink
                className="chip"
                href={href(p.key, category)}
                aria-current={p.key === period.key ? "page" : undefined}
              >
                {p.label}
              </IntentLink>
            </li>
          ))}
        </ul>
      </nav>
      <CategoryChips label="Category" current={category} href={(c) => href(period.key, c as CategorySlug | null)} />
      <section className="card" aria-labelledby="worst-heading" style={{ marginTop: "1rem" }}>
        <h2 id="worst-heading">Most downtime, {period.label.toLowerCase()}</h2>
        {worst.length === 0 ? <p className="muted">No incidents in this period.</p> : <DowntimeChart data={worst} />}
      </section>
      <section className="card" aria-labelledby="all-heading">
        <h2 id="all-heading">All services</h2>
        <CompareTable rows={rows} caption={`Services compared, ${period.label.toLowerCase()}`} />
      </section>
    </>
  );
}
