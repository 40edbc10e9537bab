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
