/** Does a service match what someone typed? Name, slug or a known alias, case-insensitive. */
export function matchesService(s: { name: string; slug: string; aliases: string[] }, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [s.name, s.slug, ...s.aliases].some((v) => v.toLowerCase().includes(q));
}

/** The one service a query names exactly (by name, slug or alias), if any. */
export function exactService<T extends { name: string; slug: string; aliases: string[] }>(
  list: T[],
  query: string,
): T | undefined {
  const q = query.trim().toLowerCase();
  return list.find((s) => [s.name, s.slug, ...s.aliases].some((v) => v.toLowerCase() === q));
}
