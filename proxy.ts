import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";

const chooseLanguage = createMiddleware(routing);

/**
 * Chooses each page's language (lib/i18n/routing.ts): the path's prefix, else the language the
 * visitor chose (the NEXT_LOCALE cookie), else Accept-Language.
 */
export default function proxy(request: NextRequest) {
  // next-intl rewrites to the decoded path: one holding an encoded "%" (%25) then no longer decodes,
  // and Next answers 500. No page's address has one, so Next answers it as it is: not found.
  if (/%25/i.test(request.nextUrl.pathname)) return NextResponse.next();
  const response = chooseLanguage(request);
  // Only a choice made with the switcher is remembered (the switcher's links set the cookie in the
  // browser): following a link to a page in another language is no such choice. And a response that
  // sets a cookie is kept by no cache, which would leave every crawler's page uncached.
  response.headers.delete("set-cookie");
  return response;
}

export const config = {
  // Pages only: not the API, the console (English, for operators), the service worker, Next's own
  // files, search's redirect, or files by their extension (feeds, badges, images, the manifest).
  // Not "anything with a dot": an alert's private token has one.
  matcher:
    "/((?!api|admin|serwist|search|_next|.*opengraph-image|.*\\.(?:svg|atom|xml|txt|webmanifest|png|ico|js|map|json|csv)$).*)",
};
