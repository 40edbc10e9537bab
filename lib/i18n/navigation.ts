import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

/** Locale-aware links and paths: getPathname({ href: "/status/tiktok", locale: "de" }) is "/de/status/tiktok". */
export const { Link, getPathname, redirect, usePathname, useRouter } = createNavigation(routing);
