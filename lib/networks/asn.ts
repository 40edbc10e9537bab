import "server-only";
import { createReadStream } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse";
import { floorIndex, ipKey } from "./ip-number";

// Which network operator (autonomous system) an address belongs to, from the offline database of
// @ip-location-db/asn (RouteViews and DB-IP's ASN Lite, CC BY 4.0: credited on the pages that show
// it). Read once into sorted arrays, in memory only; the address itself is never kept.

export interface Network {
  asn: number;
  name: string;
}

export interface AsnDatabase {
  lookup(ip: string): Network | null;
  name(asn: number): string | undefined;
  ranges: number;
}

interface Table<T extends number | bigint> {
  starts: T[];
  ends: T[];
  asns: number[];
}

const dir = () => path.dirname(require.resolve("@ip-location-db/asn/package.json"));

async function readTable<T extends number | bigint>(
  file: string,
  num: (s: string) => T,
  names: Map<number, string>,
): Promise<Table<T>> {
  const table: Table<T> = { starts: [], ends: [], asns: [] };
  const parser = createReadStream(path.join(dir(), file)).pipe(parse({ relax_column_count: true }));
  for await (const row of parser as AsyncIterable<string[]>) {
    const [start, end, asn, name] = row;
    if (!start || !end || !asn) continue;
    const n = Number(asn);
    table.starts.push(num(start));
    table.ends.push(num(end));
    table.asns.push(n);
    if (name && !names.has(n)) names.set(n, name);
  }
  return table;
}

let loading: Promise<AsnDatabase> | null = null;
let loaded: AsnDatabase | null = null;

/** The database, read on first call (about a second); later calls share it. */
export function asnDatabase(): Promise<AsnDatabase> {
  loading ??= (async () => {
    const names = new Map<number, string>();
    const [v4, v6] = await Promise.all([
      readTable("asn-ipv4-num.csv", (s) => Number(s), names),
      // Ranges are kept by their first 64 bits: finer ones than a /64 are rare and share an operator.
      readTable("asn-ipv6-num.csv", (s) => BigInt(s) >> 64n, names),
    ]);
    const v4Starts = Uint32Array.from(v4.starts);
    const v4Ends = Uint32Array.from(v4.ends);
    const v6Starts = BigUint64Array.from(v6.starts);
    const v6Ends = BigUint64Array.from(v6.ends);
    const v4Asns = Uint32Array.from(v4.asns);
    const v6Asns = Uint32Array.from(v6.asns);
    const db: AsnDatabase = {
      ranges: v4Starts.length + v6Starts.length,
      name: (asn) => names.get(asn),
      lookup(ip) {
        const key = ipKey(ip);
        if (!key) return null;
        let n = -1;
        if ("v4" in key) {
          const at = floorIndex(v4Starts, key.v4);
          if (at >= 0 && v4Ends[at]! >= key.v4) n = v4Asns[at]!;
        } else {
          const at = floorIndex(v6Starts, key.v6);
          if (at >= 0 && v6Ends[at]! >= key.v6) n = v6Asns[at]!;
        }
        return n < 0 ? null : { asn: n, name: names.get(n) ?? `AS${n}` };
      },
    };
    loaded = db;
    return db;
  })();
  return loading;
}

/** The operator of `ip` if the database is read already; otherwise null, and reading starts. */
export function networkOf(ip: string): Network | null {
  if (!loaded) {
    void asnDatabase();
    return null;
  }
  return loaded.lookup(ip);
}
