// Is one network operator's crowd reporting far more than its usual share, about many services?
// Then the network is the likely problem, not the services. Pure: tick.ts feeds it counts.

/** The window whose reports are compared with the network's usual share. */
export const WINDOW_MINUTES = 30;
/** Fewer of a network's users than this, or fewer services, never make an incident. */
export const MIN_REPORTERS = 10;
export const MIN_SERVICES = 4;
/** How many times its usual share, at least, a network must send to open an incident… */
export const OPEN_RATIO = 4;
/** …and to keep one open. */
export const KEEP_RATIO = 2;
/** Hours of history a share needs before it is trusted (as services need a day of reports). */
export const LEARNING_HOURS = 24;

export interface NetworkWindow {
  asn: number;
  /** Its users who reported, in the window. */
  reporters: number;
  /** The services they reported. */
  serviceIds: number[];
}

export interface NetworkHistory {
  /** Its reporters over the history hours, and everyone's. */
  reporters: number;
  total: number;
  hours: number;
}

export type IspVerdict = { asn: number; trouble: boolean; expected: number; reporters: number; serviceIds: number[] };

/**
 * Expected = the network's usual share of everyone's reporters × everyone's reporters in the
 * window, so when everyone reports more (a big service is down) nobody's share moves. A network is
 * in trouble when its users report at least OPEN_RATIO times that (KEEP_RATIO for one already
 * open), plus a margin of four standard deviations and ten people, about at least MIN_SERVICES services.
 */
export function judgeNetwork(
  w: NetworkWindow,
  history: NetworkHistory | undefined,
  windowTotal: number,
  open: boolean,
): IspVerdict | null {
  if (!history || history.hours < LEARNING_HOURS || history.total <= 0) return null;
  const expected = (history.reporters / history.total) * windowTotal;
  const ratio = open ? KEEP_RATIO : OPEN_RATIO;
  const services = w.serviceIds.length;
  const enough = open
    ? w.reporters >= MIN_REPORTERS / 2 && services >= 2
    : w.reporters >= MIN_REPORTERS && services >= MIN_SERVICES;
  const bar = Math.max(ratio * expected, expected + 4 * Math.sqrt(expected) + (open ? 5 : 10));
  return {
    asn: w.asn,
    trouble: enough && w.reporters >= bar,
    expected,
    reporters: w.reporters,
    serviceIds: w.serviceIds,
  };
}

/**
 * The services a network's users report out of proportion: at least two of them, and more than
 * twice the network's usual share of that service's reporters (plus one). During a big outage of
 * one service everyone reports it, this network's users included: that service does not stand out.
 */
export function standingOut(
  perService: ReadonlyMap<number, number>,
  serviceTotals: ReadonlyMap<number, number>,
  share: number,
): number[] {
  return [...perService]
    .filter(([serviceId, n]) => n >= 2 && n > 2 * share * (serviceTotals.get(serviceId) ?? n) + 1)
    .map(([serviceId]) => serviceId)
    .sort((a, b) => a - b);
}

/** "Comcast Cable Communications, LLC" reads as "Comcast Cable Communications" in a sentence. */
export function shortNetworkName(name: string): string {
  const short = name
    .replace(
      /[,.]?\s+(LLC|L\.L\.C\.|Inc\.?|Incorporated|Ltd\.?|Limited|GmbH|AG|S\.?A\.?|SAS|B\.V\.|Co\.,? Ltd\.?|Corp\.?|Corporation|plc|PLC)\.?$/i,
      "",
    )
    .trim();
  return short || name;
}
