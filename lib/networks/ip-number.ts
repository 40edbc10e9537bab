import ipaddr from "ipaddr.js";

const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * An address as the lookups key it: IPv4 as a 32-bit number, IPv6 by its first 64 bits (the /64
 * the front already reduces a client to). A "/64" suffix is allowed; anything else unparseable is null.
 */
export function ipKey(ip: string): { v4: number } | { v6: bigint } | null {
  // Dotted-quad IPv4 is nearly every report: read without a full parse, as the ingest path does.
  const quad = IPV4.exec(ip);
  if (quad)
    return { v4: ((Number(quad[1]) << 24) | (Number(quad[2]) << 16) | (Number(quad[3]) << 8) | Number(quad[4])) >>> 0 };
  const bare = ip.replace(/\/\d+$/, "");
  if (!ipaddr.isValid(bare)) return null;
  let addr = ipaddr.parse(bare);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  const bytes = addr.toByteArray();
  if (addr.kind() === "ipv4")
    return { v4: ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0 };
  let high = 0n;
  for (let i = 0; i < 8; i++) high = (high << 8n) | BigInt(bytes[i]!);
  return { v6: high };
}

/** The last index whose start is at or below `key` in a sorted array, or -1. */
export function floorIndex<T extends number | bigint>(starts: ArrayLike<T>, key: T): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= key) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
