import { CACHE_CONTROL } from "@/lib/http/cache-control";

/** Feeds may be a minute old; readers poll them. */
export const ATOM_HEADERS = {
  "content-type": "application/atom+xml; charset=utf-8",
  "cache-control": CACHE_CONTROL.history,
};
