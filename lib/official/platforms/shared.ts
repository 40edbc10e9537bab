import { z } from "zod";
import type { FeedReading, OfficialStatus } from "../types";

/** One URL to fetch for a platform, and how to read what comes back. */
export interface FeedSpec {
  url: string;
  format: "json" | "xml";
  read(body: unknown, now: Date): FeedReading;
}

export interface PlatformReader {
  label: string;
  feeds(feedUrl: string): FeedSpec[];
}

/** Vendors send extra fields and change them; only what we read is checked. */
export const date = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: "custom", message: `not a date: ${String(v)}` });
    return z.NEVER;
  }
  return d;
});

export const optionalDate = date.nullish().transform((d) => d ?? null);

/** Throws a short message naming the first field at fault: it becomes the source's last error. */
export function parseFeed<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new MalformedFeed(`${what}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

export class MalformedFeed extends Error {}

export function describe(status: OfficialStatus): string {
  return status === "operational"
    ? "All systems operational"
    : status === "maintenance"
      ? "Maintenance in progress"
      : status === "major"
        ? "Major outage"
        : "Degraded service";
}
