import type { AlertLinks } from "./email";

/** The links every alert carries for its subscription. */
export const alertLinks = (origin: string, token: string): AlertLinks => ({
  manage: `${origin}/alerts/manage/${token}`,
  unsubscribe: `${origin}/alerts/unsubscribe/${token}`,
  oneClick: `${origin}/api/v1/subscriptions/${token}/unsubscribe`,
});
