import ipaddr from "ipaddr.js";

/**
 * The front (server/front/front.ts) writes the client's address into this header and drops any value
 * the client sent, so code behind it can trust it. It never reaches storage or logs: only hashes do.
 */
export const CLIENT_IP_HEADER = "x-outage-radar-client-ip";
/** The front also writes the client's network operator (autonomous system number) here, when known. */
export const CLIENT_ASN_HEADER = "x-outage-radar-client-asn";

// Dotted-quad IPv4 is nearly all traffic; this avoids a full parse for it.
const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * The address a client is known by, or null when `ip` is not an address. IPv4 (IPv4-mapped IPv6
 * included) as dotted quad; IPv6 as its /64: an ISP gives each subscriber at least a /64 and the
 * device picks the rest, changing it at will (privacy addresses), so one /64 is one client for every
 * limit, cap and cooldown.
 */
export function clientAddress(ip: string): string | null {
  const address = parseAddress(ip);
  if (!address) return null;
  if ("octets" in address) return address.octets.join(".");
  return new ipaddr.IPv6([...address.parts.slice(0, 4), 0, 0, 0, 0]).toString();
}

/** An address parsed once: IPv4 (IPv4-mapped IPv6 included) as octets, IPv6 as its 16-bit parts. */
type Address = { octets: [number, number, number, number] } | { parts: number[] };

function parseAddress(ip: string): Address | null {
  const v4 = IPV4.exec(ip);
  if (v4) return { octets: [Number(v4[1]), Number(v4[2]), Number(v4[3]), Number(v4[4])] };
  if (!ipaddr.isValid(ip)) return null;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  if (addr.kind() === "ipv6") return { parts: (addr as ipaddr.IPv6).parts };
  const [a, b, c, d] = (addr as ipaddr.IPv4).octets;
  return { octets: [a!, b!, c!, d!] };
}

/** The first `groups` 16-bit groups of an IPv6 address as a prefix: 3 → "2001:db8:1::/48". */
const prefixOf = (parts: number[], groups: number) =>
  `${parts
    .slice(0, groups)
    .map((p) => p.toString(16))
    .join(":")}::/${groups * 16}`;

function blockOf(address: Address): string {
  if ("octets" in address) return `${address.octets[0]}.${address.octets[1]}.${address.octets[2]}.0/24`;
  return prefixOf(address.parts, 3);
}

/** The block one network controls: IPv4 /24, IPv6 /48 (IPv4-mapped IPv6 counts as IPv4). */
export function networkBlock(ip: string): string {
  const address = parseAddress(ip);
  return address ? blockOf(address) : "unknown";
}

/**
 * The address and its network block as keys for counting in memory (rate limits). An IPv4 address
 * and its /24 are small integers: in a flood from many addresses the limiter holds a million keys,
 * and number keys are hashed and compared without touching a string, and are not objects the
 * garbage collector must move. Anything else keeps its text.
 */
export function limitKeys(ip: string): { address: number | string; network: number | string } {
  const address = parseAddress(ip);
  if (!address) return { address: ip, network: "unknown" };
  if (!("octets" in address)) return { address: prefixOf(address.parts, 4), network: blockOf(address) };
  const [a, b, c, d] = address.octets;
  const network = (a << 16) | (b << 8) | c;
  // As a signed 32-bit int (the top octet may set the sign bit): still one key per address, and small
  // integers (Smis) are stored in the map itself, never allocated.
  return { address: (network << 8) | d, network };
}

/** Who is reporting, as far as hashing needs to know; read from the header the front server set. */
export function clientFromHeaders(headers: Headers): { ip: string; userAgent: string; asn: number | null } {
  return {
    ip: headers.get(CLIENT_IP_HEADER) ?? "unknown",
    userAgent: headers.get("user-agent") ?? "",
    asn: asnFromHeader(headers.get(CLIENT_ASN_HEADER)),
  };
}

export function asnFromHeader(value: string | string[] | null | undefined): number | null {
  const n = typeof value === "string" && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 && n < 2 ** 32 ? n : null;
}
