import { closeServices, matchesService } from "./match";

/**
 * Cards the home page's directory shows before "Show all": a catalogue of a thousand services would
 * otherwise be a megabyte of HTML and thousands of elements on every visit. Divisible by 2, 3 and 4,
 * so the grid ends on a full row.
 */
export const DIRECTORY_FIRST_CARDS = 48;

/** The home page's directory state as a link: filter, category and whether every service is shown. */
export function directoryHref(opts: { q?: string; category?: string | null; all?: boolean }): string {
  const params = new URLSearchParams();
  if (opts.category) params.set("category", opts.category);
  if (opts.q) params.set("q", opts.q);
  if (opts.all) params.set("all", "1");
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

/** What the directory shows for a filter: the services that match, near misses when none does, and the cards drawn. */
export function directoryView<T extends { name: string; slug: string; aliases: string[]; category: string }>(
  services: readonly T[],
  filter: { query: string; category: string | null; showAll: boolean },
) {
  const matching = services.filter(
    (s) => (!filter.category || s.category === filter.category) && matchesService(s, filter.query),
  );
  // Across every category: someone in Gaming who types "instagarm" still means Instagram.
  const close = matching.length === 0 ? closeServices(services, filter.query) : [];
  const shown = filter.showAll ? matching : matching.slice(0, DIRECTORY_FIRST_CARDS);
  return { matching, close, shown, hidden: matching.length - shown.length };
}

export type DirectoryView = ReturnType<typeof directoryView>;
