import ipaddr from "ipaddr.js";

/**
 * The front server (server.ts) writes the client's address into this header and drops any value
 * the client sent, so code behind it can trust it. It never reaches storage or logs: only hashes do.
 */
export const CLIENT_IP_HEADER = "x-outage-radar-client-ip";

/** Address of the client: from a trusted proxy header when configured (its left-most entry), else the socket. */
export function resolveClientIp(
  socketAddress: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  trustedHeader: string | undefined,
): string {
  if (trustedHeader) {
    const raw = headers[trustedHeader];
    const first = (Array.isArray(raw) ? raw[0] : raw)?.split(",")[0]?.trim();
    if (first && isValidIp(first)) return first;
  }
  return socketAddress ?? "unknown";
}

// Dotted-quad IPv4 is nearly all traffic; this avoids a full parse for it.
const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isValidIp(ip: string): boolean {
  return IPV4.test(ip) || ipaddr.isValid(ip);
}

/** The four octets of an IPv4 address, dotted or IPv4-mapped IPv6; null for anything else. */
function ipv4Octets(ip: string): [number, number, number, number] | null {
  const v4 = IPV4.exec(ip);
  if (v4) return [Number(v4[1]), Number(v4[2]), Number(v4[3]), Number(v4[4])];
  if (!ipaddr.isValid(ip)) return null;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  if (addr.kind() !== "ipv4") return null;
  const [a, b, c, d] = (addr as ipaddr.IPv4).octets;
  return [a!, b!, c!, d!];
}

/** The block one network controls: IPv4 /24, IPv6 /48 (IPv4-mapped IPv6 counts as IPv4). */
export function networkBlock(ip: string): string {
  const v4 = ipv4Octets(ip);
  if (v4) return `${v4[0]}.${v4[1]}.${v4[2]}.0/24`;
  if (!ipaddr.isValid(ip)) return "unknown";
  const parts = (ipaddr.parse(ip) as ipaddr.IPv6).parts;
  return `${parts
    .slice(0, 3)
    .map((p) => p.toString(16))
    .join(":")}::/48`;
}

/**
 * The address and its network block as keys for counting in memory (rate limits). An IPv4 address
 * and its /24 are small integers: in a flood from many addresses the limiter holds a million keys,
 * and number keys are hashed and compared without touching a string, and are not objects the
 * garbage collector must move. Anything else keeps its text.
 */
export function limitKeys(ip: string): { address: number | string; network: number | string } {
  const v4 = ipv4Octets(ip);
  if (!v4) return { address: ip, network: networkBlock(ip) };
  const network = (v4[0] << 16) | (v4[1] << 8) | v4[2];
  // As a signed 32-bit int (the top octet may set the sign bit): still one key per address, and small
  // integers (Smis) are stored in the map itself, never allocated.
  return { address: (network << 8) | v4[3], network };
}

/** Who is reporting, as far as hashing needs to know; read from the header the front server set. */
export function clientFromHeaders(headers: Headers): { ip: string; userAgent: string } {
  return { ip: headers.get(CLIENT_IP_HEADER) ?? "unknown", userAgent: headers.get("user-agent") ?? "" };
}
