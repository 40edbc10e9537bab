import { hasLocale } from "next-intl";
import { routing } from "@/lib/i18n/routing";
import { getPathname } from "@/lib/i18n/navigation";
import { redirect } from "next/navigation";
import { getReadDb } from "@/lib/db";
import { exactService, matchesService } from "@/lib/catalog/match";
import { serviceNames } from "@/lib/services/queries";

/** The home page's search: straight to the service when the query names one, else the filtered list. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 100).trim();
  // The home page in another language sends its own; the answer is a page in that language.
  const asked = params.get("locale");
  const locale = hasLocale(routing.locales, asked) ? asked : routing.defaultLocale;
  const home = getPathname({ href: "/", locale });
  if (!q) redirect(home);
  const list = await serviceNames(getReadDb());
  const exact = exactService(list, q);
  const matches = list.filter((s) => matchesService(s, q));
  const target = exact ?? (matches.length === 1 ? matches[0] : undefined);
  redirect(
    target ? getPathname({ href: `/status/${target.slug}`, locale }) : `${home}?q=${encodeURIComponent(q)}#all-heading`,
  );
}
