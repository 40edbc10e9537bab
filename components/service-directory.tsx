"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { ServiceCard, type ServiceCardData } from "./service-card";

function matches(s: ServiceCardData, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [s.name, s.slug, ...s.aliases].some((v) => v.toLowerCase().includes(q));
}

/**
 * Search and category filter over every service. Without JavaScript the search is a GET form the
 * server filters; with it, the list narrows as you type.
 */
export function ServiceDirectory({
  services,
  initialQuery,
  category,
}: {
  services: ServiceCardData[];
  initialQuery: string;
  category: string | null;
}) {
  const [query, setQuery] = useState(initialQuery);
  const shown = useMemo(
    () => services.filter((s) => (!category || s.category === category) && matches(s, query)),
    [services, category, query],
  );
  return (
    <>
      <form className="search" role="search" action="/" method="get">
        <label htmlFor="service-search" className="visually-hidden">
          Search services
        </label>
        <input
          id="service-search"
          type="search"
          name="q"
          placeholder="Search a service, e.g. TikTok"
          autoComplete="off"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            const url = new URL(window.location.href);
            if (e.target.value) url.searchParams.set("q", e.target.value);
            else url.searchParams.delete("q");
            window.history.replaceState(null, "", url);
          }}
        />
        {category ? <input type="hidden" name="category" value={category} /> : null}
        <button className="button" type="submit">
          Search
        </button>
      </form>
      <p className="visually-hidden" role="status" aria-live="polite">
        {shown.length} {shown.length === 1 ? "service" : "services"} shown
      </p>
      {shown.length === 0 ? (
        <p className="empty">
          No service matches “{query}”. Try another name, or <Link href="/">see all services</Link>.
        </p>
      ) : (
        <ul className="grid" aria-label="Services">
          {shown.map((s) => (
            <li key={s.slug}>
              <ServiceCard s={s} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
