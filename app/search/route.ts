import { redirect } from "next/navigation";
import { getReadDb } from "@/lib/db";
import { exactService, matchesService } from "@/lib/catalog/match";
import { serviceNames } from "@/lib/services/queries";

/** The home page's search: straight to the service when the query names one, else the filtered list. */
export async function GET(request: Request): Promise<Response> {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100).trim();
  if (!q) redirect("/");
  const list = await serviceNames(getReadDb());
  const exact = exactService(list, q);
  const matches = list.filter((s) => matchesService(s, q));
  const target = exact ?? (matches.length === 1 ? matches[0] : undefined);
  redirect(target ? `/status/${target.slug}` : `/?q=${encodeURIComponent(q)}#all-heading`);
}
