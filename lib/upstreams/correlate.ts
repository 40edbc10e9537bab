// Deciding that several services broke because of one upstream they share. Pure: the tick step in
// tick.ts feeds it what is open now.

/** Dependents' incidents that began this close together are "at once". */
export const TOGETHER_MS = 90 * 60_000;
/** Dependents in trouble together that name their upstream without other evidence. */
export const MIN_TOGETHER = 3;

export interface OpenIncident {
  id: number;
  serviceId: number;
  startedAt: Date;
}

export interface Member {
  serviceId: number;
  incidentId: number;
  startedAt: string;
}

export interface UpstreamInput {
  upstream: string;
  dependents: ReadonlySet<number>;
  /** The upstream's own page says degraded or major, or its own users report an incident. */
  evidence: boolean;
  /** Its event in progress, if any. */
  current: { id: number; members: Member[] } | null;
}

export type Decision =
  | { kind: "open"; upstream: string; members: Member[] }
  | { kind: "update"; id: number; members: Member[] }
  | { kind: "close"; id: number }
  | { kind: "keep"; id: number };

/**
 * For each upstream: its dependents with an incident that is open and began within TOGETHER_MS of
 * the newest one among them. An event opens when MIN_TOGETHER of them are in trouble at once, or
 * one is and the upstream itself shows trouble; it gathers dependents that break while it lasts,
 * and ends when none of its members' incidents is still open and nothing new joined.
 */
export function correlate(inputs: readonly UpstreamInput[], open: readonly OpenIncident[], now: Date): Decision[] {
  const decisions: Decision[] = [];
  for (const u of inputs) {
    const mine = open.filter((i) => u.dependents.has(i.serviceId));
    if (u.current) {
      const known = new Set(u.current.members.map((m) => m.incidentId));
      const since = Math.min(...u.current.members.map((m) => Date.parse(m.startedAt)), now.getTime());
      const joined = mine.filter((i) => !known.has(i.id) && i.startedAt.getTime() >= since - TOGETHER_MS);
      const stillOpen = u.current.members.some((m) => mine.some((i) => i.id === m.incidentId));
      if (joined.length)
        decisions.push({ kind: "update", id: u.current.id, members: [...u.current.members, ...joined.map(member)] });
      else if (!stillOpen) decisions.push({ kind: "close", id: u.current.id });
      else decisions.push({ kind: "keep", id: u.current.id });
      continue;
    }
    if (!mine.length) continue;
    const newest = Math.max(...mine.map((i) => i.startedAt.getTime()));
    const together = mine.filter((i) => newest - i.startedAt.getTime() <= TOGETHER_MS);
    if (together.length >= MIN_TOGETHER || u.evidence)
      decisions.push({ kind: "open", upstream: u.upstream, members: together.map(member) });
  }
  return decisions;
}

function member(i: OpenIncident): Member {
  return { serviceId: i.serviceId, incidentId: i.id, startedAt: i.startedAt.toISOString() };
}
