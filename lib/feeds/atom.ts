import "server-only";
import escapeHtml from "escape-html";
import { Feed } from "feed";
import { CAUSE_LABELS, EVENT_LABELS, STATUS_LABELS } from "@/lib/catalog/constants";
import type { FeedIncident } from "@/lib/incidents/queries";
import { countryName } from "@/lib/regions/regions";
import { formatDuration } from "@/lib/text/duration";

export interface FeedMeta {
  title: string;
  /** The feed's own absolute URL (its id and rel="self"). */
  selfUrl: string;
  /** The page the feed follows (rel="alternate"). */
  pageUrl: string;
  publicUrl: string;
}

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export function incidentTitle(i: FeedIncident): string {
  const what = i.level === "outage" ? "outage" : "possible problems";
  return `${i.service.name} ${what}${i.endedAt ? ", resolved" : ""}`;
}

/**
 * The entry body as HTML. Every value that did not come from this file (names, moderators' update
 * texts) is escaped, so a feed reader renders it as text, never as markup.
 */
function entryHtml(i: FeedIncident): string {
  const facts = [
    `Started ${utc(i.startedAt)}, detected ${utc(i.detectedAt)}`,
    i.endedAt ? `ended ${utc(i.endedAt)} after ${formatDuration(i.durationMinutes)}` : "still going on",
  ].join("; ");
  const more = [
    i.regions.length ? `Regions: ${i.regions.map(countryName).join(", ")}.` : "",
    i.cause ? `Cause: ${CAUSE_LABELS[i.cause]}.` : "",
  ].filter(Boolean);
  const timeline = i.events
    .map(
      (e) =>
        `<li>${escapeHtml(utc(e.at))}: ${escapeHtml(EVENT_LABELS[e.kind])}` +
        `${e.level ? ` (${escapeHtml(STATUS_LABELS[e.level])})` : ""}${e.message ? `: ${escapeHtml(e.message)}` : ""}</li>`,
    )
    .join("");
  return (
    `<p>${escapeHtml(`${STATUS_LABELS[i.level]} at ${i.service.name}. ${facts}.`)}</p>` +
    (more.length ? `<p>${escapeHtml(more.join(" "))}</p>` : "") +
    (timeline ? `<ul>${timeline}</ul>` : "")
  );
}

/** An Atom 1.0 feed of incidents, newest first; an entry is updated whenever its timeline grows. */
export function incidentsAtom(meta: FeedMeta, incidents: FeedIncident[], now = new Date()): string {
  const updated = incidents.reduce((latest, i) => (i.updatedAt > latest ? i.updatedAt : latest), "");
  const feed = new Feed({
    title: meta.title,
    id: meta.selfUrl,
    link: meta.pageUrl,
    feedLinks: { atom: meta.selfUrl },
    updated: new Date(updated || now.toISOString()),
    generator: "Outage Radar",
    author: { name: "Outage Radar", link: meta.publicUrl },
  });
  for (const i of incidents) {
    const url = `${meta.publicUrl}/incidents/${i.id}`;
    feed.addItem({
      // Titles go out as type="html": escaped too, though service names come from the catalog.
      title: escapeHtml(incidentTitle(i)),
      id: url,
      link: url,
      date: new Date(i.updatedAt),
      published: new Date(i.detectedAt),
      content: entryHtml(i),
      category: [{ term: i.service.slug, name: i.service.name }],
    });
  }
  return feed.atom1();
}
