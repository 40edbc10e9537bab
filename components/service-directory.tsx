"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { matchesService } from "@/lib/catalog/match";
import { ServiceGrid, type ServiceCardData } from "./service-card";

/**
 * Name and category filter over every service. Without JavaScript the filter is a GET form the
 * server applies; with it, the list narrows as you type.
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
    () => services.filter((s) => (!category || s.category === category) && matchesService(s, query)),
    [services, category, query],
  );
  return (
    <>
      <form className="search" role="search" action="/" method="get">
        <label htmlFor="service-search" className="visually-hidden">
          Filter services
        </label>
        <input
          id="service-search"
          type="search"
          name="q"
          placeholder="Filter by name"
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
        <button className="button button-secondary" type="submit">
          Filter
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
        <ServiceGrid services={shown} aria-label="Services" />
      )}
    </>
  );
}
