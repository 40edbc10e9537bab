import type { TestDb } from "@/db/testing";
import { identify } from "@/lib/reports/identity";
import { ingestReports, type IngestItem } from "@/lib/reports/ingest";
import { DEFAULT_RULES } from "@/lib/reports/rules";

// Synthetic traffic for detector tests: distinct people, each on their own network.

export const MINUTE = 60_000;
export const T0 = Date.parse("2026-04-15T12:00:00Z");
export const SECRET = "x".repeat(40);
let seq = 0;

/** `perMinute` distinct people (each on their own network) reporting at each minute of [from, to). */
export function traffic(serviceId: number, from: number, to: number, perMinute: number, country = "US"): IngestItem[] {
  const items: IngestItem[] = [];
  for (let t = from; t < to; t += MINUTE) {
    for (let i = 0; i < perMinute; i++) {
      seq++;
      const ip = `10.${(seq >> 8) & 255}.${seq & 255}.7`; // each person on their own /24
      const at = new Date(t + ((i * 997) % 59_000));
      items.push({
        serviceId,
        symptom: "login",
        country,
        subdivision: null,
        text: null,
        ...identify(SECRET, ip, "ua", serviceId, at),
        createdAt: at,
      });
    }
  }
  return items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export async function store(t: TestDb, items: IngestItem[]) {
  for (let i = 0; i < items.length; i += 2000)
    await ingestReports(t.handle.db, items.slice(i, i + 2000), DEFAULT_RULES);
}
