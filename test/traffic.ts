import type { TestDb } from "./db";
import { hash } from "node:crypto";
import { identify, type SaltOfDay } from "@/lib/reports/identity";
import { ingestReports, type IngestItem } from "@/lib/reports/ingest";
import { DEFAULT_RULES } from "@/lib/reports/rules";

// Synthetic traffic for detector tests: distinct people, each on their own network.

export const MINUTE = 60_000;
export const T0 = Date.parse("2026-04-15T12:00:00Z");
/** Salts for tests: a different one each day, the same on every run. */
export const testSalts =
  (seed: string): SaltOfDay =>
  (day) =>
    hash("sha256", `${seed}|${day}`, "hex");
export const SALTS = testSalts("test");
let seq = 0;

/** Each report from a new person on a network of their own /24. */
const ownNetwork = () => {
  seq++;
  return { ip: `10.${(seq >> 8) & 255}.${seq & 255}.7`, userAgent: "ua" };
};

/**
 * `perMinute` reports at each minute of [from, to), by default from distinct people each on their
 * own network; `who` says who sends the n-th report instead (a flood from one place, say). `region`
 * is a country ("US") or a subdivision ("US-NY", reported with its country).
 */
export function traffic(
  serviceId: number,
  from: number,
  to: number,
  perMinute: number,
  region = "US",
  who: (n: number) => { ip: string; userAgent: string } = ownNetwork,
): IngestItem[] {
  const items: IngestItem[] = [];
  let n = 0;
  for (let t = from; t < to; t += MINUTE) {
    for (let i = 0; i < perMinute; i++, n++) {
      const { ip, userAgent } = who(n);
      const at = new Date(t + ((i * 997) % 59_000));
      items.push({
        serviceId,
        symptom: "login",
        country: region.slice(0, 2),
        subdivision: region.length > 2 ? region : null,
        text: null,
        ...identify(SALTS, ip, userAgent, serviceId, at),
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
