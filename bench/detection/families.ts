// A second family of labelled traffic, drawn from assumptions the detector does not make: noise
// that is not negative binomial at the minute scale, self-exciting bursts, outages behind one ISP,
// floods that rotate addresses, outages in one US state only, daylight saving, ingest gaps and
// brand-new services. The first family (scenario.ts) stays as it is.
import { hashSeed, poisson, rng } from "@/lib/simulate/random";
import type { CategorySlug } from "@/lib/catalog/constants";
import { SHARED_MAX } from "@/lib/detection/params";
import {
  logUniform,
  MINUTE,
  WEEK,
  type Flood,
  type LabelledOutage,
  type Scenario,
  type ServiceSpec,
  type RegionalSeries,
} from "./scenario";

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CATEGORIES: CategorySlug[] = ["social", "streaming", "messaging", "gaming", "cloud", "productivity", "finance"];

/** Pareto with minimum 1 and tail index `alpha`: most draws small, a few very large. */
const pareto = (random: () => number, alpha: number) => Math.pow(1 - random(), -1 / alpha);
const normal = (random: () => number) =>
  Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());

/** What makes each service of this family hard; every service gets some of these. */
export interface Traits {
  /** Viral waves a day (self-exciting bursts that decay within minutes), 0 for none. */
  burstsPerDay: number;
  /** Minute-level log-normal noise σ (heavy-tailed counts), 0 for none. */
  noiseSigma: number;
  /** Daily rhythm in US Eastern local time, so it moves an hour at daylight saving. */
  localTime: boolean;
  /** Minute the service starts to exist (brand-new service), 0 for one with history. */
  bornAt: number;
  /** Share of the service's reporters in its tracked US state. */
  stateShare: number;
}

/** New networks per reporter of a carrier behind NAT: its customers share a few addresses. */
const ISP_NETWORK_RATE = 0.2;

/** What the product's operator weights say of one reporter: 1 − its operator's rate relative to everyone's, at least 0. */
const sharedShare = (operatorRate: number, everyone: number) =>
  Math.min(SHARED_MAX, Math.max(0, 1 - operatorRate / everyone));

/** US daylight saving in 2026 starts on 8 March, 02:00 local (07:00 UTC). */
const US_DST_2026 = Date.UTC(2026, 2, 8, 7);

export function generateHardScenario(
  seed: number,
  opts: { services: number; weeks: number; warmupWeeks: number },
): Scenario & { traits: Traits[]; gaps: Array<{ start: number; end: number }> } {
  const random = rng(hashSeed("detection-bench-hard", seed));
  // Monday 9 February: the six weeks cover the US change to daylight saving.
  const start = Date.UTC(2026, 1, 9);
  const minutes = opts.weeks * 7 * 24 * 60;
  const evalFrom = start + opts.warmupWeeks * WEEK;
  const services: ServiceSpec[] = [];
  const traits: Traits[] = [];
  for (let i = 0; i < opts.services; i++) {
    const r = i % 3;
    const kind = r === 0 ? "quiet" : r === 1 ? "medium" : "busy";
    const basePerHour =
      kind === "quiet"
        ? logUniform(random, 0.3, 3)
        : kind === "medium"
          ? logUniform(random, 5, 60)
          : logUniform(random, 200, 3000);
    services.push({ id: i, category: CATEGORIES[i % CATEGORIES.length]!, basePerHour, kind });
    traits.push({
      burstsPerDay: random() < 0.6 ? logUniform(random, 0.5, 4) : 0,
      noiseSigma: random() < 0.5 ? logUniform(random, 0.2, 0.7) : 0,
      localTime: random() < 0.5,
      // One service in eight appears after the learning weeks with no history at all.
      bornAt: i % 8 === 7 ? (opts.warmupWeeks * 7 + 1 + Math.floor(random() * 7)) * 24 * 60 : 0,
      stateShare: kind === "busy" ? logUniform(random, 0.04, 0.12) : kind === "medium" ? 0.1 : 0,
    });
  }
  // The site itself is down now and then: every service records nothing for those minutes.
  const gaps = Array.from({ length: opts.weeks }, () => {
    const begin = start + Math.floor(random() * (minutes - 120)) * MINUTE;
    return { start: begin, end: begin + Math.floor(logUniform(random, 5, 60)) * MINUTE };
  });

  const reporters: Int32Array[] = [];
  const networks: Int32Array[] = [];
  const shared: Float32Array[] = [];
  const regional: Array<RegionalSeries | null> = [];
  const outages: LabelledOutage[] = [];
  const floods: Flood[] = [];

  for (const s of services) {
    const tr = traits[s.id]!;
    const rs = rng(hashSeed("hard-svc", seed, s.id));
    const phase = rs() * 24;
    const born = start + tr.bornAt * MINUTE;
    const networkShare = s.kind === "busy" ? 0.85 : 0.97;

    const mine: LabelledOutage[] = [];
    const ramps = new Map<LabelledOutage, number>();
    const count = poisson(rs, opts.weeks * 0.9);
    for (let k = 0; k < count; k++) {
      const duration = Math.floor(logUniform(rs, 15, 360)) * MINUTE;
      const earliest = Math.max(start, born + 2 * HOUR);
      const span = start + minutes * MINUTE - duration - HOUR - earliest;
      if (span <= 0) continue;
      const begin = earliest + Math.floor((rs() * span) / MINUTE) * MINUTE;
      const which = rs();
      const kind: LabelledOutage["kind"] = tr.stateShare > 0 && which < 0.3 ? "state" : which < 0.5 ? "isp" : "global";
      const share = kind === "state" ? tr.stateShare : kind === "isp" ? 0.15 + rs() * 0.25 : 1;
      const magnitude = kind === "state" ? logUniform(rs, 5, 40) : logUniform(rs, 3, 100);
      if (mine.some((o) => begin < o.end + 6 * HOUR && o.start < begin + duration + 6 * HOUR)) continue;
      const outage: LabelledOutage = {
        service: s.id,
        start: begin,
        end: begin + duration,
        magnitude,
        share,
        effective: 1 + share * (magnitude - 1),
        extraFirst15: 0,
        kind,
      };
      mine.push(outage);
      ramps.set(outage, logUniform(rs, 1, 20) * MINUTE);
    }
    const myFloods: Flood[] = [];
    // Each flood comes from one operator: a host, where every customer has a network of their own,
    // or (the attacker's best case) a carrier whose customers share a few NAT networks, like the ISP
    // outages' reporters. Drawn apart so the traffic itself is as before.
    const floodOperator = rng(hashSeed("hard-flood-operator", seed, s.id));
    const floodSharedPerReport = new Map<Flood, number>();
    for (let k = 0; k < poisson(rs, opts.weeks * 0.5); k++) {
      const duration = Math.floor(logUniform(rs, 10, 60)) * MINUTE;
      const begin = start + Math.floor((rs() * (minutes * MINUTE - duration - HOUR)) / MINUTE) * MINUTE;
      if (mine.some((o) => begin < o.end + 2 * HOUR && o.start < begin + duration + 2 * HOUR)) continue;
      const rotating = rs() < 0.5;
      myFloods.push({
        service: s.id,
        start: begin,
        end: begin + duration,
        // A rotating flood sends each report from a new address in a new /24, as proxies do.
        networks: rotating ? 0 : 1 + Math.floor(rs() * 3),
        perMinute: rotating ? logUniform(rs, 0.5, 5) : logUniform(rs, 2, 40),
        rotating,
      });
      const operatorRate = !rotating && floodOperator() < 0.5 ? ISP_NETWORK_RATE : 1;
      floodSharedPerReport.set(myFloods.at(-1)!, sharedShare(operatorRate, networkShare));
    }
    // Viral waves: the burst adds K × the usual rate, decaying with a time constant of minutes.
    const waves: Array<{ at: number; size: number; tau: number }> = [];
    if (tr.burstsPerDay > 0)
      for (
        let t = start;
        t < start + minutes * MINUTE;
        t += Math.floor(-Math.log(Math.max(rs(), 1e-9)) * (DAY / tr.burstsPerDay))
      )
        waves.push({ at: t, size: 2 * pareto(rs, 1.5), tau: logUniform(rs, 2, 10) * MINUTE });

    const rep = new Int32Array(minutes);
    const net = new Int32Array(minutes);
    const sharedBy = new Float32Array(minutes);
    const ispSharedPerReport = sharedShare(ISP_NETWORK_RATE, networkShare);
    const stateRep = new Int32Array(minutes);
    const stateNet = new Int32Array(minutes);
    let w = 0;
    for (let m = 0; m < minutes; m++) {
      const t = start + m * MINUTE;
      if (t < born || gaps.some((g) => t >= g.start && t < g.end)) continue;
      const local = tr.localTime ? t - (t >= US_DST_2026 ? 4 : 5) * HOUR : t;
      const hour = ((local % DAY) / HOUR + (tr.localTime ? 0 : phase)) % 24;
      const daily = (0.3 + (0.7 * (1 + Math.cos((2 * Math.PI * (hour - 20)) / 24))) / 2) / 0.65;
      const dow = new Date(local).getUTCDay();
      const weekly = dow === 0 || dow === 6 ? 0.8 : 1;
      const noise = tr.noiseSigma > 0 ? Math.exp(tr.noiseSigma * normal(rs) - (tr.noiseSigma * tr.noiseSigma) / 2) : 1;
      const usual = (s.basePerHour / 60) * daily * weekly;
      while (w < waves.length && waves[w]!.at + 60 * MINUTE < t) w++;
      let wave = 0;
      for (let j = w; j < waves.length && waves[j]!.at <= t; j++)
        wave += usual * waves[j]!.size * Math.exp(-(t - waves[j]!.at) / waves[j]!.tau);

      let extra = 0;
      let stateExtra = 0;
      let ispExtra = 0;
      for (const o of mine) {
        if (t < o.start || t >= o.end + 5 * MINUTE) continue;
        const shape =
          t >= o.end ? Math.exp(-(t - o.end) / (2 * MINUTE)) : Math.min(1, (t - o.start + MINUTE) / ramps.get(o)!);
        const add = usual * o.share * (o.magnitude - 1) * shape;
        if (o.kind === "state") stateExtra += add;
        else if (o.kind === "isp") ispExtra += add;
        else extra += add;
      }
      const organic = poisson(rs, usual * noise + wave);
      const global = poisson(rs, extra);
      const isp = poisson(rs, ispExtra);
      const inState = poisson(rs, stateExtra);
      for (const o of mine)
        if (t >= o.start && t < o.start + 15 * MINUTE)
          o.extraFirst15 += o.kind === "state" ? inState : o.kind === "isp" ? isp : global;
      let flooded = 0;
      let floodNetworks = 0;
      let floodShared = 0;
      for (const f of myFloods) {
        if (t < f.start || t >= f.end) continue;
        const n = poisson(rs, f.perMinute);
        flooded += n;
        floodNetworks += f.rotating ? n : t === f.start ? f.networks : 0;
        floodShared += n * floodSharedPerReport.get(f)!;
      }
      const organicNet = Math.round((organic + global) * networkShare);
      // An ISP's customers reach us through a few carrier-NAT blocks: about one new network in five.
      rep[m] = organic + global + isp + inState + flooded;
      net[m] = organicNet + Math.round(isp * ISP_NETWORK_RATE) + inState + floodNetworks;
      sharedBy[m] = isp * ispSharedPerReport + floodShared;
      if (tr.stateShare > 0) {
        const own = Math.round(organic * tr.stateShare + (rs() - 0.5));
        stateRep[m] = Math.max(0, own) + inState;
        stateNet[m] = stateRep[m]!;
      }
    }
    reporters.push(rep);
    networks.push(net);
    shared.push(sharedBy);
    regional.push(tr.stateShare > 0 ? { reporters: stateRep, networks: stateNet, priorDivisor: 25 } : null);
    outages.push(...mine);
    floods.push(...myFloods);
  }
  const bornAt = traits.map((tr) => start + tr.bornAt * MINUTE);
  return {
    start,
    minutes,
    evalFrom,
    services,
    bornAt,
    reporters,
    networks,
    shared,
    regional,
    outages,
    floods,
    traits,
    gaps,
  };
}
