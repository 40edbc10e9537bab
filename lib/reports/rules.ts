import { DEFAULT_NETWORK_CAP } from "@/lib/config";

/** What decides whether a report counts: the reporter's cooldown and its network's cap per window. */
export interface IngestRules {
  cooldownMinutes: number;
  /** Most reporters counted from one network block (IPv4 /24, IPv6 /48) per service per window. */
  networkCap: number;
}

export const NETWORK_WINDOW_MINUTES = 15;

/** The rules a server starts with unless told otherwise (demo history and tests use them too). */
export const DEFAULT_RULES: IngestRules = { cooldownMinutes: 60, networkCap: DEFAULT_NETWORK_CAP };
