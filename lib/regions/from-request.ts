import { isCountry, subdivision } from "./regions";

/**
 * The front writes the region it found for the client's address here ("US" or "US-CA"), and drops
 * any value the client sent (server/front/front.ts).
 */
export const IP_REGION_HEADER = "x-outage-radar-ip-region";
/** The private answer that tells a visitor where we think they are. */
export const LOCATION_PATH = "/api/v1/location";

/** Edge headers use placeholders for "unknown" (Cloudflare: XX, Tor: T1); those are not countries. */
function asCountry(value: string | null | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) && isCountry(code) ? code : undefined;
}

/** Country implied by Accept-Language: the highest-weighted tag with a region, else its likely region. */
export function countryFromAcceptLanguage(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const tags = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((t) => t.tag && t.tag !== "*" && Number.isFinite(t.q) && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of tags) {
    try {
      const locale = new Intl.Locale(tag);
      const code = asCountry(locale.region ?? locale.maximize().region);
      if (code) return code;
    } catch {
      // Not a valid BCP 47 tag: try the next one.
    }
  }
  return undefined;
}

export interface RegionGuess {
  country: string;
  subdivision?: string;
}

/**
 * Best guess of where the reporter is: a trusted edge header first, then our own lookup of the
 * address (which may also know the subdivision), then the browser's language.
 */
export function regionFromHeaders(
  headers: Pick<Headers, "get">,
  regionHeaders: readonly string[],
): RegionGuess | undefined {
  const fromIp = ipRegion(headers.get(IP_REGION_HEADER));
  for (const name of regionHeaders) {
    const code = asCountry(headers.get(name));
    if (code) return fromIp?.country === code ? fromIp : { country: code };
  }
  if (fromIp) return fromIp;
  const country = countryFromAcceptLanguage(headers.get("accept-language"));
  return country ? { country } : undefined;
}

export function countryFromHeaders(
  headers: Pick<Headers, "get">,
  regionHeaders: readonly string[],
): string | undefined {
  return regionFromHeaders(headers, regionHeaders)?.country;
}

function ipRegion(value: string | null): RegionGuess | undefined {
  if (!value) return undefined;
  const country = asCountry(value.slice(0, 2));
  if (!country) return undefined;
  if (value.length === 2) return { country };
  const sub = subdivision(value);
  return sub && value.startsWith(`${country}-`) ? { country, subdivision: sub.code } : { country };
}
