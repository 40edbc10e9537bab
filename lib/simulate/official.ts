import { OFFICIAL_FEEDS } from "@/db/official-feeds";
import type { OfficialImpact, OfficialPlatform } from "@/lib/official/types";
import { hashSeed, rng } from "./random";
import { outagesBetween, type SimOutage, type SimService } from "./outages";

// The demo's vendors: each service with an official feed runs a status page that acknowledges
// most of the demo's simulated outages late (as vendors do), misses some, and posts a few
// incidents the crowd never notices. Drawn from the outages themselves, never from what our
// detector found, so the scorecard the demo shows is a real comparison.

export interface VendorIncident {
  slug: string;
  id: string;
  title: string;
  impact: OfficialImpact;
  startedAt: Date;
  postedAt: Date;
  resolvedAt: Date | null;
}

const MINUTE = 60_000;
const QUIET_SLOT_MS = 12 * 3_600_000;
const QUIET_TITLES = [
  "Elevated error rates for a small number of customers",
  "Delays in a background processing queue",
  "Increased latency in one region",
  "Some users may see stale data",
];

/** Everything the demo's vendors have posted by `now`, over the `days` before it. */
export function vendorIncidents(
  seed: number,
  services: readonly SimService[],
  now: Date,
  days: number,
  startedAt: Date,
  scripted: readonly SimOutage[] = [],
): VendorIncident[] {
  const sourced = services.filter((s) => s.slug in OFFICIAL_FEEDS);
  const to = now.getTime();
  const from = to - days * 86_400_000;
  const out: VendorIncident[] = [];
  const scriptedHere = scripted.filter((o) => o.slug in OFFICIAL_FEEDS && o.start < to && o.end > from);
  const random = outagesBetween(seed, from, to, sourced).filter((o) => !scriptedHere.some((x) => x.slug === o.slug));
  for (const o of [...scriptedHere, ...random]) {
    const r = rng(hashSeed(seed, "vendor", o.slug, o.start));
    // Vendors rarely admit to a problem confined to one country; a demo scenario's always shows.
    const admitted = r() <= (o.country ? 0.3 : 0.75) || scriptedHere.includes(o);
    if (!admitted) continue;
    // A scenario's vendor posts twelve minutes in, so the demo shows who was first from its start.
    const lag = (8 + r() * 37) * MINUTE;
    const posted = o.start + (scriptedHere.includes(o) ? 12 * MINUTE : lag);
    if (posted > to) continue;
    // A short outage can be over before the vendor posts; the vendor then resolves soon after.
    const resolved = Math.max(o.end + (5 + r() * 25) * MINUTE, posted + (5 + r() * 10) * MINUTE);
    out.push({
      slug: o.slug,
      id: `demo-${o.slug}-${o.start}`,
      title: o.magnitude > 12 ? "Service outage" : "Degraded performance for some users",
      impact: o.magnitude > 12 ? "major" : "minor",
      startedAt: new Date(o.start + r() * 10 * MINUTE),
      postedAt: new Date(posted),
      resolvedAt: resolved <= to ? new Date(resolved) : null,
    });
  }
  for (const s of sourced)
    for (let slot = Math.floor(from / QUIET_SLOT_MS); slot * QUIET_SLOT_MS < to; slot++) {
      const r = rng(hashSeed(seed, "vendor-quiet", s.slug, slot));
      if (r() > 0.03) continue;
      const start = slot * QUIET_SLOT_MS + r() * (QUIET_SLOT_MS - 3 * 3_600_000);
      const end = start + (30 + r() * 90) * MINUTE;
      if (start > to) continue;
      out.push({
        slug: s.slug,
        id: `demo-${s.slug}-quiet-${slot}`,
        title: QUIET_TITLES[Math.floor(r() * QUIET_TITLES.length)]!,
        impact: "minor",
        startedAt: new Date(start),
        postedAt: new Date(start + 5 * MINUTE),
        resolvedAt: end <= to ? new Date(end) : null,
      });
    }
  // One problem under way when the demo starts, so a service page shows an official incident.
  const ongoing = startedAt.getTime() - 25 * MINUTE;
  if (sourced.some((s) => s.slug === "github") && ongoing <= to && to < startedAt.getTime() + 3 * 3_600_000)
    out.push({
      slug: "github",
      id: "demo-github-actions",
      title: "Delays in GitHub Actions job starts",
      impact: "minor",
      startedAt: new Date(ongoing),
      postedAt: new Date(ongoing + 4 * MINUTE),
      resolvedAt: null,
    });
  return out.sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime());
}

export interface RenderedFeed {
  contentType: string;
  body: string;
}

const iso = (d: Date) => d.toISOString();
const rfc822 = (d: Date) => d.toUTCString();

/**
 * The feed at `path` of a vendor's page on `platform`, in that platform's format, as it would read
 * at `now` with these incidents (the service's own, all posted by then).
 */
export function renderFeed(
  platform: OfficialPlatform,
  path: string,
  name: string,
  list: readonly VendorIncident[],
  now: Date,
): RenderedFeed | null {
  const open = list.filter((i) => !i.resolvedAt);
  const worst = open.some((i) => i.impact !== "minor") ? "major" : open.length ? "minor" : "none";
  const json = (v: unknown): RenderedFeed => ({ contentType: "application/json", body: JSON.stringify(v) });
  const xml = (items: string[]): RenderedFeed => ({
    contentType: "application/rss+xml",
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${name} status</title><link>https://example.invalid/</link><description>${name}</description>${items.join("")}</channel></rss>`,
  });
  const spIncident = (i: VendorIncident) => ({
    id: i.id,
    name: i.title,
    status: i.resolvedAt ? "resolved" : "investigating",
    impact: i.impact,
    shortlink: `https://stspg.io/${i.id}`,
    created_at: iso(i.postedAt),
    started_at: iso(i.startedAt),
    updated_at: iso(i.resolvedAt ?? i.postedAt),
    resolved_at: i.resolvedAt ? iso(i.resolvedAt) : null,
    incident_updates: [],
  });
  switch (platform) {
    case "statuspage":
      if (path.endsWith("/summary.json"))
        return json({
          page: { id: "demo", name, url: "https://example.invalid", updated_at: iso(now) },
          status: {
            indicator: worst,
            description:
              worst === "none"
                ? "All Systems Operational"
                : worst === "minor"
                  ? "Minor Service Outage"
                  : "Partial System Outage",
          },
          components: [
            {
              id: "c1",
              name: "Website",
              status: worst === "none" ? "operational" : worst === "minor" ? "degraded_performance" : "major_outage",
              group: false,
            },
            { id: "c2", name: "API", status: "operational", group: false },
          ],
          incidents: open.map(spIncident),
          scheduled_maintenances: [],
        });
      if (path.endsWith("/incidents.json"))
        return json({ page: { id: "demo", name }, incidents: [...list].reverse().slice(0, 50).map(spIncident) });
      return null;
    case "incidentio":
      return json({
        summary: {
          id: "demo",
          name,
          public_url: "https://status.example.invalid",
          components: [
            { id: "c1", name: "Conversations" },
            { id: "c2", name: "API" },
          ],
          affected_components: open.map(() => ({
            component_id: "c1",
            status: worst === "minor" ? "degraded_performance" : "full_outage",
          })),
          ongoing_incidents: open.map((i) => ({
            id: i.id,
            name: i.title,
            status: "investigating",
            published_at: iso(i.postedAt),
            last_update_at: iso(i.postedAt),
            last_update_message: "We are investigating.",
            current_worst_impact: i.impact === "minor" ? "degraded_performance" : "full_outage",
            affected_components: [{ id: "c1", name: "Conversations" }],
          })),
          in_progress_maintenances: [],
          scheduled_maintenances: [],
        },
      });
    case "statusio":
      return json({
        result: {
          status_overall: {
            updated: iso(now),
            status:
              worst === "none" ? "Operational" : worst === "minor" ? "Degraded Performance" : "Service Disruption",
            status_code: worst === "none" ? 100 : worst === "minor" ? 300 : 500,
          },
          status: [{ id: "s1", name: "Website", status: "Operational", status_code: 100, containers: [] }],
          incidents: open.map((i) => ({
            _id: i.id,
            name: i.title,
            datetime_open: iso(i.postedAt),
            current_status_code: i.impact === "minor" ? 300 : 500,
          })),
          maintenance: { active: [], upcoming: [] },
        },
      });
    case "slack":
      return json({
        status: open.length ? "active" : "ok",
        date_created: iso(now),
        date_updated: iso(now),
        active_incidents: open.map((i, n) => ({
          id: 1000 + n,
          date_created: iso(i.postedAt),
          date_updated: iso(i.postedAt),
          title: i.title,
          type: i.impact === "minor" ? "incident" : "outage",
          status: "active",
          url: `https://slack-status.com/${i.id}`,
          services: ["Messaging"],
          notes: [],
        })),
      });
    case "instatus":
      return json({
        page: { name, url: "https://status.example.invalid", status: open.length ? "HASISSUES" : "UP" },
        activeIncidents: open.map((i) => ({
          id: i.id,
          name: i.title,
          started: iso(i.postedAt),
          status: "INVESTIGATING",
          impact: i.impact === "minor" ? "DEGRADEDPERFORMANCE" : "MAJOROUTAGE",
          url: null,
        })),
        activeMaintenances: [],
      });
    case "gcp":
      return json(
        [...list].reverse().map((i) => ({
          id: i.id,
          number: i.id,
          begin: iso(i.startedAt),
          created: iso(i.postedAt),
          end: i.resolvedAt ? iso(i.resolvedAt) : null,
          modified: iso(i.resolvedAt ?? i.postedAt),
          external_desc: i.title,
          updates: [],
          most_recent_update: { text: i.title, status: i.resolvedAt ? "AVAILABLE" : "SERVICE_DISRUPTION" },
          status_impact: i.impact === "minor" ? "SERVICE_INFORMATION" : "SERVICE_DISRUPTION",
          severity: i.impact === "minor" ? "low" : "high",
          service_name: "Multiple Products",
          affected_products: [{ title: "Compute Engine", id: "compute" }],
          uri: `incidents/${i.id}`,
        })),
      );
    case "aws":
      return xml(
        list.flatMap((i) => {
          const guid = (d: Date) => `https://status.aws.amazon.com/#ec2-us-east-1_${Math.floor(d.getTime() / 1000)}`;
          const first = `<item><title>${i.impact === "minor" ? "Informational message" : "Service disruption"}: ${i.title}</title><link>https://status.aws.amazon.com/</link><pubDate>${rfc822(i.postedAt)}</pubDate><guid isPermaLink="false">${guid(i.postedAt)}</guid><description>We are investigating.</description></item>`;
          const last = i.resolvedAt
            ? `<item><title>Service is operating normally: [RESOLVED] ${i.title}</title><link>https://status.aws.amazon.com/</link><pubDate>${rfc822(i.resolvedAt)}</pubDate><guid isPermaLink="false">${guid(i.resolvedAt)}</guid><description>The issue has been resolved.</description></item>`
            : "";
          return [first + last];
        }),
      );
    case "azure":
      return xml(
        open.map(
          (i) =>
            `<item><title>${i.title}</title><link>https://azure.status.microsoft/en-us/status</link><description>Engineers are investigating.</description><pubDate>${rfc822(i.postedAt)}</pubDate><guid isPermaLink="false">${i.id}</guid></item>`,
        ),
      );
  }
}
