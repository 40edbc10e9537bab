import { distance } from "fastest-levenshtein";

type Named = { name: string; slug: string; aliases: string[] };

/** Every name a service answers to, lower-cased: its name, its slug and its aliases. */
function namesOf(s: Named): string[] {
  return [s.name, s.slug, ...s.aliases].map((v) => v.toLowerCase());
}

/** Does a service match what someone typed? Name, slug or a known alias, case-insensitive. */
export function matchesService(s: Named, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return namesOf(s).some((v) => v.includes(q));
}

/** The one service a query names exactly (by name, slug or alias), if any. */
export function exactService<T extends Named>(list: T[], query: string): T | undefined {
  const q = query.trim().toLowerCase();
  return list.find((s) => namesOf(s).includes(q));
}

/** Typos forgiven in a query of this many characters: one in a short word, more in a long one. */
function typosAllowed(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/**
 * Services a query nearly names, closest first ("instagarm", "youtbe", "netflx"): for when nothing
 * matches as typed. Each name, slug and alias is compared whole and by its first letters, so a
 * misspelt start of a name ("instgr") finds it too.
 */
export function closeServices<T extends Named>(list: readonly T[], query: string, max = 3): T[] {
  const q = query.trim().toLowerCase();
  if (q.length < 3) return [];
  const allowed = typosAllowed(q.length);
  const scored = list
    .map((s) => {
      const d = Math.min(
        ...namesOf(s).flatMap((w) => [
          distance(q, w),
          distance(q, w.slice(0, q.length)),
          distance(q, w.slice(0, q.length + 1)),
        ]),
      );
      return { s, d };
    })
    .filter((x) => x.d <= allowed);
  scored.sort((a, b) => a.d - b.d);
  return scored.slice(0, max).map((x) => x.s);
}
