"use client";

import { Link } from "@/lib/i18n/navigation";
import { useState, type ComponentProps } from "react";

/**
 * The site's link: Next.js's, prefetching only once the visitor shows intent (pointer over it, focus,
 * a touch) rather than as soon as it is on screen. Every page here is rendered per request, so a
 * viewport prefetch brings little more than the layout, yet it cost two requests per visible link:
 * about 26 extra requests for one view of the home page, and five more at every live refresh of a
 * service page (router.refresh drops the prefetches). In a crowd reading "is it down?" those
 * outnumbered the pages themselves.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof Link>) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? props.prefetch : false}
      onMouseEnter={(e) => {
        setIntent(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        setIntent(true);
        onTouchStart?.(e);
      }}
    />
  );
}
