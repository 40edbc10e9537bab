import { describe, expect, it } from "vitest";
import { emptyBaseline, expectedHour, hourOfWeek, updateBaseline } from "./baseline";
import { burstBar } from "./burst";
import { calmNeeded, createDetector, fading, stepMinute, warmStart, type DetectorState } from "./detector";
import { nbTailScore } from "./negative-binomial";
import { DEFAULT_PARAMS as P, SHARED_MAX as P_SHARED_MAX } from "./params";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MONDAY = Date.UTC(2026, 0, 5);

describe("negative-binomial tail", () => {
  it("matches the Poisson when overdispersion vanishes", () => {
    // P(X ≥ 10 | Poisson(2)) = 4.65e-5
    expect(nbTailScore(10, 2, 1e-6)).toBeCloseTo(-Math.log10(4.6498e-5), 2);
    expect(nbTailScore(0, 5, 0.1)).toBe(0);
  });

  it("is less surprised by the same count when variance is larger", () => {
    expect(nbTailScore(30, 10, 0.3)).toBeLessThan(nbTailScore(30, 10, 0.01));
    expect(nbTailScore(31, 10, 0.05)).toBeGreaterThan(nbTailScore(30, 10, 0.05));
  });
});

describe("baseline", () => {
  it("starts from the category prior and learns the hour-of-week pattern", () => {
    let b = emptyBaseline(P);
    expect(expectedHour(b, MONDAY, 6, P)).toBeCloseTo(6);
    // Four weeks: 100 an hour at 20:00, 10 otherwise.
    for (let h = 0; h < 4 * 168; h++) {
      const t = MONDAY + h * HOUR;
      b = updateBaseline(b, t, new Date(t).getUTCHours() === 20 ? 100 : 10, 5, 6, P);
    }
    expect(expectedHour(b, MONDAY + 20 * HOUR, 6, P)).toBeGreaterThan(60);
    expect(expectedHour(b, MONDAY + 3 * HOUR, 6, P)).toBeLessThan(15);
    expect(hourOfWeek(MONDAY)).toBe(0);
  });

  it("shrinks a thin hour-of-week slot toward the hour of day", () => {
    let b = emptyBaseline(P);
    for (let d = 0; d < 6; d++) b = updateBaseline(b, MONDAY + d * 24 * HOUR + 9 * HOUR, 50, 40, 6, P); // 09:00 on six days
    const sunday9 = MONDAY + 6 * 24 * HOUR + 9 * HOUR; // never seen itself
    expect(expectedHour(b, sunday9, 6, P)).toBeGreaterThan(20);
  });

  it("caps outage hours so one outage cannot poison the baseline", () => {
    let b = emptyBaseline(P);
    for (let h = 0; h < 48; h++) b = updateBaseline(b, MONDAY + h * HOUR, 10, 9, 6, P);
    const before = expectedHour(b, MONDAY + 48 * HOUR, 6, P);
    const after = updateBaseline(b, MONDAY + 48 * HOUR, 5000, 4000, 6, P);
    expect(expectedHour(after, MONDAY + 49 * HOUR, 6, P)).toBeLessThan(before * 3);
  });
});

function run(
  state: DetectorState,
  from: number,
  minutes: number,
  reporters: (m: number) => number,
  networks = reporters,
  prior = 6,
  shared: (m: number) => number = () => 0,
  params = P,
  parent?: (m: number) => { reporters: number; expected: number },
) {
  const evaluations = [];
  // The service's minutes so far, as its own detector's state would hold them.
  const parentRecent: number[] = [];
  const parentExpected: number[] = [];
  for (let m = 0; m < minutes; m++) {
    if (parent) {
      parentRecent.push(parent(m).reporters);
      parentExpected.push(parent(m).expected);
    }
    const r = stepMinute(
      state,
      {
        t: from + m * MINUTE,
        reporters: reporters(m),
        networks: networks(m),
        shared: shared(m),
        ...(parent ? { parent: { recent: parentRecent.slice(-60), expected: parentExpected.slice(-60) } } : {}),
      },
      prior,
      params,
    );
    state = r.state;
    evaluations.push(r.evaluation);
  }
  return { state, evaluations };
}

describe("state machine", () => {
  const steady = () =>
    warmStart(
      Array.from({ length: 14 * 24 }, (_, h) => ({ t: MONDAY + h * HOUR, reporters: 60, networks: 55 })),
      6,
      P,
    );
  const start = MONDAY + 14 * 24 * HOUR;

  it("stays ok on usual traffic", () => {
    const { evaluations } = run(steady(), start, 600, (m) => (m % 3 === 0 ? 2 : 1));
    expect(evaluations.every((e) => e.level === "ok" && e.anomalyScore < 0.5)).toBe(true);
  });

  it("raises within minutes of a surge, escalates, then resolves after calm minutes", () => {
    const { evaluations } = run(steady(), start, 120, (m) => (m >= 10 && m < 40 ? 30 : 1));
    const raised = evaluations.findIndex((e) => e.transition === "raised");
    expect(raised).toBeGreaterThanOrEqual(10);
    expect(raised).toBeLessThanOrEqual(14);
    expect(
      evaluations.some((e) => e.transition === "escalated" || (e.transition === "raised" && e.level === "outage")),
    ).toBe(true);
    const resolved = evaluations.findIndex((e) => e.transition === "resolved");
    expect(resolved).toBeGreaterThan(40 + P.resolveMinutes - 2);
    // The 15-minute window drains, then a calm of half the alarm's length (at least resolveMinutes).
    expect(resolved).toBeLessThan(40 + 15 + calmNeeded(MINUTE * 10, MINUTE * 55, P) + 2);
    expect(evaluations.slice(resolved).every((e) => e.level === "ok")).toBe(true);
    // The CSV contract: ≥ 0.5 exactly while alarmed.
    for (const e of evaluations) expect(e.anomalyScore >= 0.5).toBe(e.level !== "ok");
  });

  it("confirms evidence as improbable as an outage's in strongConfirmMinutes, weaker evidence in confirmMinutes", () => {
    const busy = () =>
      warmStart(
        Array.from({ length: 14 * 24 }, (_, h) => ({ t: MONDAY + h * HOUR, reporters: 600, networks: 550 })),
        6,
        P,
      );
    // Under outage's 4× but, on a busy service, far beyond chance (score ≥ outage.score) from its second minute.
    const raisedAt = (multiple: number, params = P) => {
      const { evaluations } = run(
        busy(),
        start,
        60,
        (m) => (m >= 10 ? Math.round(10 * multiple * (m % 2 ? 1.1 : 0.9)) : 10),
        undefined,
        6,
        undefined,
        params,
      );
      const i = evaluations.findIndex((e) => e.transition === "raised");
      return { i, level: evaluations[i]?.level };
    };
    const slow = { ...P, strongConfirmMinutes: P.confirmMinutes };
    expect(P.strongConfirmMinutes).toBeLessThan(P.confirmMinutes);
    const strong = raisedAt(3);
    expect(strong.level).toBe("possible");
    expect(strong.i).toBe(raisedAt(3, slow).i - (P.confirmMinutes - P.strongConfirmMinutes));
    // A 2.2× surge scores under outage.score: it needs the full confirmMinutes either way.
    const weak = raisedAt(2.2);
    expect(weak.level).toBe("possible");
    expect(weak.i).toBe(raisedAt(2.2, slow).i);
  });

  it("keeps a long outage whose reports dip for a while as one alarm, and dates its end at the calm's start", () => {
    // Three hours at 30 a minute, with a 20-minute dip to normal half-way.
    const surge = (m: number) => m >= 10 && m < 190 && !(m >= 100 && m < 120);
    const { evaluations, state } = run(steady(), start, 320, (m) => (surge(m) ? 30 : 1));
    expect(evaluations.filter((e) => e.transition === "raised")).toHaveLength(1);
    const resolved = evaluations.findIndex((e) => e.transition === "resolved");
    expect(resolved).toBeGreaterThan(190);
    expect(state.endedAt).toBeGreaterThanOrEqual(start + 190 * MINUTE);
    expect(state.endedAt).toBeLessThan(start + resolved * MINUTE);
  });

  it("needs a calm of a share of the alarm's length, within resolveMinutes and resolveMaxMinutes", () => {
    expect(calmNeeded(0, 10 * MINUTE, P)).toBe(P.resolveMinutes);
    expect(calmNeeded(0, 80 * MINUTE, P)).toBe(Math.round(80 * P.resolveShare));
    expect(calmNeeded(0, 1000 * MINUTE, P)).toBe(P.resolveMaxMinutes);
  });

  it("ignores a surge of reporters that come from a few networks", () => {
    const { evaluations } = run(
      steady(),
      start,
      90,
      (m) => (m >= 10 && m < 60 ? 40 : 1),
      (m) => (m === 10 ? 3 : m > 10 && m < 60 ? 0 : 1),
    );
    expect(evaluations.every((e) => e.level === "ok")).toBe(true);
  });

  describe("a crowd behind one carrier's shared addresses", () => {
    // Ten more people a minute, all on a carrier whose customers share a few NAT networks: they
    // bring one new network in five, and their operator is known to (shared 0.8 each).
    const surge = (m: number) => m >= 10 && m < 70;
    const reporters = (m: number) => (surge(m) ? 11 : 1);
    const networks = (m: number) => (surge(m) ? 3 : 1);
    const shared = (m: number) => (surge(m) ? 8 : 0);

    it("is raised within minutes once its operator is known to share addresses, much later when not", () => {
      const known = run(steady(), start, 120, reporters, networks, 6, shared).evaluations;
      const unknown = run(steady(), start, 120, reporters, networks).evaluations;
      const raised = (evaluations: typeof known) => evaluations.findIndex((e) => e.transition === "raised");
      expect(known.filter((e) => e.transition === "raised")).toHaveLength(1);
      expect(raised(known)).toBeLessThanOrEqual(16);
      // Unknown, the crowd must first grow past what a flood from a handful of networks could bring.
      expect(raised(unknown) === -1 || raised(unknown) > raised(known) + 15).toBe(true);
    });

    it("still needs more networks than a flood on that carrier brings", () => {
      // Forty a minute from three of its networks: the carrier excuses most of them, not all.
      const { evaluations } = run(
        steady(),
        start,
        120,
        (m) => (surge(m) ? 41 : 1),
        (m) => (m === 10 ? 4 : surge(m) ? 0 : 1),
        6,
        (m) => (surge(m) ? 40 * P_SHARED_MAX : 0),
      );
      expect(evaluations.every((e) => e.level === "ok")).toBe(true);
    });
  });

  it("does not learn a flood from a few networks as one of the service's bursts", () => {
    const calm = run(steady(), start, 240, () => 1).state;
    const flooded = run(
      steady(),
      start,
      240,
      (m) => (m >= 10 && m < 60 ? 40 : 1),
      (m) => (m === 10 ? 3 : m > 10 && m < 60 ? 0 : 1),
    ).state;
    for (const window of P.windows.keys())
      expect(burstBar(flooded.burst!, window, P.possible.burstReach, P)).toBeCloseTo(
        burstBar(calm.burst!, window, P.possible.burstReach, P),
        1,
      );
  });

  describe("a regional detector", () => {
    // The region usually has a tenth of the service's 60 reporters an hour.
    const regional = () =>
      warmStart(
        Array.from({ length: 14 * 24 }, (_, h) => ({ t: MONDAY + h * HOUR, reporters: 6, networks: 6 })),
        6,
        P,
      );
    const surge = (m: number) => m >= 10 && m < 50;
    const alarmed = (regionAt: number, serviceAt: number) =>
      run(
        regional(),
        start,
        80,
        (m) => (surge(m) && m % 2 === 0 ? regionAt : m % 10 === 0 ? 1 : 0),
        undefined,
        6,
        () => 0,
        P,
        (m) => ({ reporters: surge(m) ? serviceAt : 1, expected: 1 }),
      ).evaluations.some((e) => e.level !== "ok");

    it("raises an alarm when its region stands out from the service", () => {
      // 8 a minute in the region, while the whole service goes from 1 to 1.4 a minute plus them.
      expect(alarmed(16, 9)).toBe(true);
    });

    it("leaves a surge across the whole service to the service-wide detector", () => {
      // The same 8 a minute, but the whole service has ten times as many: the region only carries its share.
      expect(alarmed(16, 80)).toBe(false);
    });
  });

  it("works for a brand-new service from its category prior", () => {
    const fresh = createDetector(P);
    const quiet = run(fresh, start, 240, (m) => (m % 10 === 0 ? 1 : 0));
    expect(quiet.evaluations.every((e) => e.level === "ok")).toBe(true);
    const surge = run(quiet.state, start + 240 * MINUTE, 30, () => 25);
    expect(surge.evaluations.some((e) => e.level !== "ok")).toBe(true);
  });

  it("takes a brand-new busy service's first day as its usual level, not as a surge over the category's guess", () => {
    // 1,000 people an hour from the first minute, against a prior of 6 an hour.
    const busy = run(createDetector(P), start, 24 * 60, (m) => 15 + (m % 5));
    expect(busy.evaluations.every((e) => e.level === "ok")).toBe(true);
    // ...and a real surge after it is still seen.
    const surge = run(busy.state, start + 24 * 60 * MINUTE, 30, () => 200);
    expect(surge.evaluations.some((e) => e.level === "outage")).toBe(true);
  });

  it("raises on a brand-new service's surge far beyond its own first hours, but not on a rise its day could bring", () => {
    // Six hours at about 1,000 people an hour: warm-up has not ended, but the level is the service's own.
    const young = run(createDetector(P), start, 6 * 60, (m) => 15 + (m % 5)).state;
    const after = start + 6 * 60 * MINUTE;
    const surge = run(young, after, 20, () => 120);
    expect(surge.evaluations.some((e) => e.level !== "ok")).toBe(true);
    // A daily cycle can bring 2.5× between morning and evening: without a day of history that is no outage.
    const rise = run(young, after, 60, () => 45);
    expect(rise.evaluations.every((e) => e.level === "ok")).toBe(true);
  });

  it("is deterministic and serializable", () => {
    const a = run(steady(), start, 60, (m) => m % 4);
    const b = run(JSON.parse(JSON.stringify(steady())) as DetectorState, start, 60, (m) => m % 4);
    expect(JSON.stringify(b.state)).toBe(JSON.stringify(a.state));
  });

  it("fills missing minutes with zeros and refuses time going backwards", () => {
    const s = run(steady(), start, 5, () => 1).state;
    const later = stepMinute(s, { t: start + 30 * MINUTE, reporters: 1, networks: 1 }, 6, P);
    expect(later.state.lastT).toBe(start + 30 * MINUTE);
    expect(() => stepMinute(later.state, { t: start, reporters: 1, networks: 1 }, 6, P)).toThrow(/increase/);
  });
});

describe("fading surges", () => {
  const expected = new Array<number>(60).fill(1);
  const series = (lastTen: number[]) => [...new Array<number>(50).fill(1), ...lastTen];

  it("calls a surge fading when its last 5 minutes bring well under the 5 before", () => {
    // A wave: 20 extra reporters, then 6.
    expect(fading(series([9, 6, 4, 3, 3, 3, 2, 2, 2, 2]), expected, P)).toBe(true);
  });

  it("does not call a plateau or a rising surge fading", () => {
    expect(fading(series([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]), expected, P)).toBe(false);
    expect(fading(series([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]), expected, P)).toBe(false);
  });

  it("calls an excess too small to be a surge fading", () => {
    expect(fading(series([1, 1, 1, 1, 1, 1, 2, 1, 2, 1]), expected, P)).toBe(true);
  });
});
