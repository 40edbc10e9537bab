import type { Metadata } from "next";
import { IncidentList } from "@/components/incident-list";
import { Pagination } from "@/components/pagination";
import { getReadDb } from "@/lib/db";
import { CATEGORIES } from "@/lib/catalog/constants";
import { incidentQuery } from "@/lib/incidents/filter";
import { listIncidents } from "@/lib/incidents/queries";
import { serviceNames } from "@/lib/services/queries";
import { formatCount } from "@/lib/text/format";
import styles from "./page.module.css";

export const metadata: Metadata = {
  title: "Incident history",
  description: "Every outage and problem Outage Radar detected, with when, how long and where.",
  alternates: { types: { "application/atom+xml": [{ url: "/incidents/feed.atom", title: "Outage Radar incidents" }] } },
};

const PAGE_SIZE = 25;

export default async function IncidentsPage({ searchParams }: PageProps<"/[locale]/incidents">) {
  const raw = await searchParams;
  const { filter, page } = incidentQuery(raw);
  const db = getReadDb();
  const [{ items, total }, names] = await Promise.all([listIncidents(db, filter, page, PAGE_SIZE), serviceNames(db)]);
  const value = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  return (
    <>
      <h1>Incident history</h1>
      <form className={`${styles.filters} card`} method="get" role="search" aria-label="Filter incidents">
        <label>
          Service
          <select name="service" defaultValue={filter.service ?? ""}>
            <option value="">All services</option>
            {[...names]
              .sort((a, b) => a.name.localeCompare(b.name, "en"))
              .map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          Category
          <select name="category" defaultValue={filter.category ?? ""}>
            <option value="">All categories</option>
            {CATEGORIES.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Level
          <select name="level" defaultValue={filter.level ?? ""}>
            <option value="">Any level</option>
            <option value="outage">Outage</option>
            <option value="possible">Possible problems</option>
          </select>
        </label>
        <label>
          From
          <input type="date" name="from" defaultValue={value("from")} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={value("to")} />
        </label>
        <button type="submit" className="button">
          Show
        </button>
      </form>
      <p className="muted" data-testid="incident-count" aria-live="polite">
        {formatCount(total)} {total === 1 ? "incident" : "incidents"}
      </p>
      <IncidentList items={items} caption="Incidents, newest first" />
      <Pagination
        page={page}
        pages={Math.ceil(total / PAGE_SIZE)}
        basePath="/incidents"
        params={{
          service: filter.service,
          category: filter.category,
          level: filter.level,
          from: value("from"),
          to: value("to"),
        }}
      />
    </>
  );
}
