// Labelled synthetic traffic for the detection benchmark: per-minute distinct reporters and new
// networks per service, with known outages, floods, holidays, growth and level shifts.
import { hashSeed, poisson, rng } from "@/lib/simulate/random";
import type { CategorySlug } from "@/lib/catalog/constants";

export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

export interface ServiceSpec {
  id: number;
  category: CategorySlug;
  /** Mean distinct reporters per hour at the start. */
  basePerHour: number;
  kind: "quiet" | "medium" | "busy";
}

export interface LabelledOutage {
  service: number;
  start: number;
  end: number;
  /** Peak multiple of the affected traffic. */
  magnitude: number;
  /** Share of the service's traffic affected (1 = global; less = one region). */
  share: number;
  /** Peak multiple of the whole service's usual rate: 1 + share · (magnitude − 1). */
  effective: number;
  /** Extra distinct reporters the outage brought in its first 15 minutes. */
  extraFirst15: number;
  /** Where it happened when not everywhere: "isp" (one carrier), "state" (one US state). */
  kind?: "global" | "regional" | "isp" | "state";
}

export interface Flood {
  service: number;
  start: number;
  end: number;
  networks: number;
  perMinute: number;
  /** Every report from a new address in a new network (proxies): no network rule can tell it apart. */
  rotating?: boolean;
}

/** One region's own series of a service (a US state), watched by a detector of its own. */
export interface RegionalSeries {
  reporters: Int32Array;
  networks: Int32Array;
  /** The regional detector's cold-start prior is the category's divided by this. */
  priorDivisor: number;
}

export interface Scenario {
  start: number;
  minutes: number;
  evalFrom: number;
  services: ServiceSpec[];
  reporters: Int32Array[];
  networks: Int32Array[];
  /**
   * Per service and minute, how much of the crowd sits behind shared addresses (`Minute.shared`),
   * when the family knows the reporters' operators; absent, the detector assumes none do.
   */
  shared?: Float32Array[];
  /** Per service, when it was added to the catalog (its detector starts then), if not at the start. */
  bornAt?: number[];
  /** Per service, a region with a detector of its own, or null. */
  regional?: Array<RegionalSeries | null>;
  outages: LabelledOutage[];
  floods: Flood[];
}

const CATEGORIES: CategorySlug[] = [
  "social",
  "streaming",
  "messaging",
  "gaming",
  "cloud",
  "productivity",
  "finance",
  "telecom",
];

function gamma(random: () => number, shape: number): number {
  // Marsaglia–Tsang, for shape ≥ 1 (the benchmark's overdispersion is small, so shape is large).
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      const u1 = Math.max(random(), 1e-12);
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Uniform on a log scale between lo and hi. */
export const logUniform = (random: () => number, lo: number, hi: number) => lo * Math.exp(random() * Math.log(hi / lo));

function thin(random: () => number, n: number, p: number): number {
  if (n > 40) return Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * (random() * 2 - 1) * 1.7));
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
}

export function generateScenario(
  seed: number,
  opts: { services: number; weeks: number; warmupWeeks: number },
): Scenario {
  const random = rng(hashSeed("detection-bench", seed));
  const start = Date.UTC(2026, 0, 5); // a Monday
  const minutes = opts.weeks * 7 * 24 * 60;
  const services: ServiceSpec[] = [];
  for (let i = 0; i < opts.services; i++) {
    const r = i % 3;
    const kind = r === 0 ? "quiet" : r === 1 ? "medium" : "busy";
    const basePerHour =
      kind === "quiet"
        ? logUniform(random, 0.2, 2)
        : kind === "medium"
          ? logUniform(random, 5, 60)
          : logUniform(random, 200, 5000);
    services.push({ id: i, category: CATEGORIES[i % CATEGORIES.length] as CategorySlug, basePerHour, kind });
  }
  const holidays = Array.from({ length: opts.weeks >= 4 ? 3 : 1 }, () => ({
    day: Math.floor(random() * opts.weeks * 7),
    factor: random() < 0.5 ? logUniform(random, 0.45, 0.75) : logUniform(random, 1.3, 1.7),
  }));

  const reporters: Int32Array[] = [];
  const networks: Int32Array[] = [];
  const outages: LabelledOutage[] = [];
  const floods: Flood[] = [];

  for (const s of services) {
    const rs = rng(hashSeed("svc", seed, s.id));
    const phase = rs() * 24;
    const weekendFactor = logUniform(rs, 0.6, 1.4);
    const trendPerWeek = (rs() - 0.5) * 0.1;
    const shift = rs() < 0.5 ? { at: start + rs() * minutes * MINUTE, factor: logUniform(rs, 0.6, 1.8) } : null;
    const phiTrue = logUniform(rs, 0.01, 0.08);
    const networkShare = s.kind === "busy" ? 0.85 : 0.97;

    const myOutages: LabelledOutage[] = [];
    const count = poisson(rs, opts.weeks * 0.8);
    for (let k = 0; k < count; k++) {
      const duration = logUniform(rs, 10, 480) * MINUTE;
      const begin = start + Math.floor((rs() * (minutes * MINUTE - duration - HOUR)) / MINUTE) * MINUTE;
      const regional = rs() < 0.3;
      const share = regional ? 0.1 + rs() * 0.4 : 1;
      const magnitude = logUniform(rs, 2, 200);
      if (myOutages.some((o) => begin < o.end + 6 * HOUR && o.start < begin + duration + 6 * HOUR)) continue;
      myOutages.push({
        service: s.id,
        start: begin,
        end: begin + duration,
        magnitude,
        share,
        effective: 1 + share * (magnitude - 1),
        extraFirst15: 0,
        kind: regional ? "regional" : "global",
      });
    }
    const myFloods: Flood[] = [];
    const floodCount = poisson(rs, opts.weeks * 0.5);
    for (let k = 0; k < floodCount; k++) {
      const duration = logUniform(rs, 10, 90) * MINUTE;
      const begin = start + Math.floor((rs() * (minutes * MINUTE - duration - HOUR)) / MINUTE) * MINUTE;
      if (myOutages.some((o) => begin < o.end + 2 * HOUR && o.start < begin + duration + 2 * HOUR)) continue;
      myFloods.push({
        service: s.id,
        start: begin,
        end: begin + duration,
        networks: rs() < 0.5 ? 1 : 2 + Math.floor(rs() * 3),
        perMinute: logUniform(rs, 1, 40),
      });
    }

    const rep = new Int32Array(minutes);
    const net = new Int32Array(minutes);
    let hourNoise = 1;
    const rampUp = new Map(myOutages.map((o) => [o, logUniform(rs, 1, 30) * MINUTE]));
    for (let m = 0; m < minutes; m++) {
      const t = start + m * MINUTE;
      if (m % 60 === 0) hourNoise = gamma(rs, 1 / phiTrue) * phiTrue;
      const hour = ((t % DAY) / HOUR + phase) % 24;
      const daily = (0.3 + (0.7 * (1 + Math.cos((2 * Math.PI * (hour - 20)) / 24))) / 2) / 0.65;
      const dow = new Date(t).getUTCDay();
      const weekly = dow === 0 || dow === 6 ? weekendFactor : 1;
      const dayIndex = Math.floor((t - start) / DAY);
      const holiday = holidays.find((h) => h.day === dayIndex)?.factor ?? 1;
      const growth = Math.exp((trendPerWeek * (t - start)) / WEEK) * (shift && t >= shift.at ? shift.factor : 1);
      const usual = (s.basePerHour / 60) * daily * weekly * holiday * growth * hourNoise;
      let extra = 0;
      for (const o of myOutages) {
        if (t < o.start || t >= o.end + 5 * MINUTE) continue;
        const ramp = rampUp.get(o) as number;
        const shape = t >= o.end ? Math.exp(-(t - o.end) / (2 * MINUTE)) : Math.min(1, (t - o.start + MINUTE) / ramp);
        extra += usual * o.share * (o.magnitude - 1) * shape;
      }
      const organic = poisson(rs, usual);
      const fromOutage = poisson(rs, extra);
      for (const o of myOutages) if (t >= o.start && t < o.start + 15 * MINUTE) o.extraFirst15 += fromOutage;
      let flooded = 0;
      let floodNetworks = 0;
      for (const f of myFloods) {
        if (t < f.start || t >= f.end) continue;
        flooded += poisson(rs, f.perMinute);
        // A network is "new" when unseen for 15 minutes: a flooding network counts once.
        if (t === f.start) floodNetworks += f.networks;
      }
      rep[m] = organic + fromOutage + flooded;
      net[m] = thin(rs, organic + fromOutage, networkShare) + floodNetworks;
    }
    reporters.push(rep);
    networks.push(net);
    outages.push(...myOutages);
    floods.push(...myFloods);
  }
  return { start, minutes, evalFrom: start + opts.warmupWeeks * WEEK, services, reporters, networks, outages, floods };
}
