import { hashSeed, pickWeighted, rng } from "./random";
import type { TrafficProfile } from "./profiles";

export interface SimService {
  slug: string;
  symptoms: string[];
  profile: TrafficProfile;
}

export interface SimOutage {
  slug: string;
  start: number;
  end: number;
  /** Peak report rate as a multiple of the usual rate. */
  magnitude: number;
  /** Set when the outage is confined to one country. */
  country: string | null;
  /** Set when it is confined to one of that country's subdivisions (ISO 3166-2, "US-CA"). */
  subdivision?: string;
  symptom: string;
  /**
   * Set when the outage is one network operator's: its extra reports come from addresses in this
   * /8 (73 for Comcast), at `perHour` people an hour whatever the service's usual rate.
   */
  network?: { firstOctet: number; perHour: number };
}

const SLOT_MS = 8 * 3_600_000;
const MAX_DURATION_MS = 3 * 3_600_000;
const RAMP_UP_MS = 8 * 60_000;
const RAMP_DOWN_MS = 20 * 60_000;

/**
 * Outages are a pure function of (seed, 8-hour slot), so the history seeded at start-up and the
 * live traffic that follows agree about which outage is running now.
 */
function outageInSlot(seed: number, slot: number, services: readonly SimService[]): SimOutage | null {
  const random = rng(hashSeed(seed, "outage", slot));
  if (random() > 0.6 || services.length === 0) return null;
  const service = pickWeighted(
    random,
    services,
    services.map((s) => 1 + Math.sqrt(s.profile.baseRate)),
  );
  const start = slot * SLOT_MS + Math.floor(random() * (SLOT_MS - MAX_DURATION_MS));
  const duration = 15 * 60_000 * Math.exp(random() * Math.log(MAX_DURATION_MS / (15 * 60_000)));
  const regional = random() < 0.3;
  const country = regional ? pickWeighted(random, service.profile.countries, service.profile.countryWeights) : null;
  return {
    slug: service.slug,
    start,
    end: start + Math.round(duration),
    magnitude: 4 * Math.exp(random() * Math.log(10)),
    country,
    symptom: service.symptoms[Math.floor(random() * Math.min(3, service.symptoms.length))] ?? service.symptoms[0] ?? "",
  };
}

export function outagesBetween(seed: number, from: number, to: number, services: readonly SimService[]): SimOutage[] {
  const out: SimOutage[] = [];
  for (let slot = Math.floor((from - MAX_DURATION_MS) / SLOT_MS); slot * SLOT_MS < to; slot++) {
    const o = outageInSlot(seed, slot, services);
    if (o && o.end + RAMP_DOWN_MS > from && o.start < to) out.push(o);
  }
  return out;
}

/** 0 outside the outage, rising to 1 over a few minutes, decaying after its end. */
export function outageShape(o: SimOutage, at: number): number {
  if (at < o.start || at > o.end + RAMP_DOWN_MS) return 0;
  if (at < o.start + RAMP_UP_MS) return (at - o.start) / RAMP_UP_MS;
  if (at <= o.end) return 1;
  return Math.exp((-3 * (at - o.end)) / RAMP_DOWN_MS);
}
