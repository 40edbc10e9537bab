import { isCountry } from "./regions";

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

/** Best guess of the reporter's country: a trusted edge header first, then the browser's language. */
export function countryFromHeaders(
  headers: Pick<Headers, "get">,
  regionHeaders: readonly string[],
): string | undefined {
  for (const name of regionHeaders) {
    const code = asCountry(headers.get(name));
    if (code) return code;
  }
  return countryFromAcceptLanguage(headers.get("accept-language"));
}
