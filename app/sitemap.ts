import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { getReadDb } from "@/lib/db";
import { publicUrl } from "@/lib/http/public-url";
import { listIncidents } from "@/lib/incidents/queries";
import { serviceNames } from "@/lib/services/queries";
import { activeCountries } from "@/lib/regions/country-services";
import { sitemapLanguages } from "@/lib/i18n/alternates";

/** Incident pages listed: the newest, which is what people search for; older ones are reached through the history. */
const INCIDENTS_LISTED = 1_000;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const db = getReadDb();
  const base = publicUrl(await headers());
  const [services, incidents, countries] = await Promise.all([
    serviceNames(db),
    listIncidents(db, {}, 1, INCIDENTS_LISTED),
    activeCountries(db),
  ]);
  return [
    // Pages translated so far name their other languages (hreflang), as their heads do.
    { url: `${base}/`, changeFrequency: "always", priority: 1, alternates: { languages: sitemapLanguages(base, "/") } },
    { url: `${base}/map`, changeFrequency: "always", priority: 0.8 },
    { url: `${base}/incidents`, changeFrequency: "hourly", priority: 0.6 },
    { url: `${base}/compare`, changeFrequency: "daily", priority: 0.4 },
    { url: `${base}/alerts`, changeFrequency: "monthly", priority: 0.4 },
    { url: `${base}/about`, changeFrequency: "monthly", priority: 0.3 },
    ...services
      .map((s) => s.slug)
      .sort()
      .flatMap((slug) => [
        {
          url: `${base}/status/${slug}`,
          changeFrequency: "always" as const,
          priority: 0.9,
          alternates: { languages: sitemapLanguages(base, `/status/${slug}`) },
        },
        { url: `${base}/status/${slug}/map`, changeFrequency: "always" as const, priority: 0.5 },
        { url: `${base}/status/${slug}/incidents`, changeFrequency: "daily" as const, priority: 0.5 },
      ]),
    ...countries
      .map((c) => c.code.toLowerCase())
      .sort()
      .map((code) => ({ url: `${base}/country/${code}`, changeFrequency: "always" as const, priority: 0.7 })),
    ...incidents.items.map((i) => ({
      url: `${base}/incidents/${i.id}`,
      lastModified: i.endedAt ?? i.startedAt,
      changeFrequency: i.endedAt ? ("monthly" as const) : ("always" as const),
      priority: 0.5,
    })),
  ];
}
