"use client";

import type { ReactNode } from "react";

/**
 * Content the server renders and the browser keeps as it came, without hydrating it, until `live`:
 * a long table behind a closed disclosure costs a phone hundreds of elements of start-up work for
 * something few open. Without JavaScript the server's copy is all there is; once `live`, React
 * renders the children itself (fresh data, the visitor's clock). Before that, on a page reached by
 * a client-side navigation, there is no server copy and nothing is shown.
 */
export function Unhydrated({ live, children }: { live: boolean; children: ReactNode }) {
  // The server renders the content; the browser's first render leaves the server's markup in place
  // (React does not look inside an element whose inner HTML it was given).
  if (live || typeof window === "undefined") return <div>{children}</div>;
  return <div suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "" }} />;
}
