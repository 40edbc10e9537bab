import { describe, expect, it } from "vitest";
import { correlate, MIN_TOGETHER, TOGETHER_MS, type UpstreamInput } from "./correlate";

const T = Date.UTC(2026, 10, 20, 12);
const M = 60_000;
const inc = (id: number, serviceId: number, minutesAgo: number) => ({
  id,
  serviceId,
  startedAt: new Date(T - minutesAgo * M),
});
const up = (over: Partial<UpstreamInput> = {}): UpstreamInput => ({
  upstream: "aws",
  dependents: new Set([1, 2, 3, 4, 5]),
  evidence: false,
  current: null,
  ...over,
});

describe("upstream correlation", () => {
  it("opens when enough dependents break together, and not for fewer or for strangers", () => {
    expect(MIN_TOGETHER).toBe(3);
    const three = [inc(11, 1, 10), inc(12, 2, 5), inc(13, 3, 0), inc(14, 99, 0)];
    expect(correlate([up()], three, new Date(T))).toEqual([
      {
        kind: "open",
        upstream: "aws",
        members: [
          { serviceId: 1, incidentId: 11, startedAt: new Date(T - 10 * M).toISOString() },
          { serviceId: 2, incidentId: 12, startedAt: new Date(T - 5 * M).toISOString() },
          { serviceId: 3, incidentId: 13, startedAt: new Date(T).toISOString() },
        ],
      },
    ]);
    expect(correlate([up()], three.slice(1), new Date(T))).toEqual([]);
    // Three at once, but one began long before the others: not together.
    const apart = [inc(11, 1, TOGETHER_MS / M + 30), inc(12, 2, 5), inc(13, 3, 0)];
    expect(correlate([up()], apart, new Date(T))).toEqual([]);
  });

  it("opens for a single dependent when the upstream itself shows trouble", () => {
    const one = [inc(11, 4, 3)];
    expect(correlate([up()], one, new Date(T))).toEqual([]);
    expect(correlate([up({ evidence: true })], one, new Date(T))).toMatchObject([
      { kind: "open", members: [{ incidentId: 11 }] },
    ]);
  });

  it("gathers dependents that break while it lasts, and ends when all its incidents have", () => {
    const members = [11, 12, 13].map((id, i) => ({
      serviceId: i + 1,
      incidentId: id,
      startedAt: new Date(T - 20 * M).toISOString(),
    }));
    const current = { id: 7, members };
    const grown = correlate([up({ current })], [inc(11, 1, 20), inc(15, 5, 1)], new Date(T));
    expect(grown).toEqual([
      {
        kind: "update",
        id: 7,
        members: [...members, { serviceId: 5, incidentId: 15, startedAt: new Date(T - M).toISOString() }],
      },
    ]);
    expect(correlate([up({ current })], [inc(11, 1, 20)], new Date(T))).toEqual([{ kind: "keep", id: 7 }]);
    expect(correlate([up({ current })], [], new Date(T))).toEqual([{ kind: "close", id: 7 }]);
  });
});
