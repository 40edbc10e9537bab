import type { Locale } from "@/lib/i18n/locales";
import type { AlertLinks } from "./email";
import { sitePage } from "./message";

/** The links every alert carries for its subscription, to pages in its language. */
export const alertLinks = (origin: string, token: string, locale: Locale = "en"): AlertLinks => ({
  manage: sitePage(origin, locale, `/alerts/manage/${token}`),
  unsubscribe: sitePage(origin, locale, `/alerts/unsubscribe/${token}`),
  oneClick: `${origin}/api/v1/subscriptions/${token}/unsubscribe`,
});
