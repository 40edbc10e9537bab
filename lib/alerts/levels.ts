/** How serious an incident must be for a subscription to hear of it (their words: the "Subscribe" messages). */
export const ALERT_LEVELS = ["possible", "outage"] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** Where alerts can go. */
export const ALERT_CHANNELS = ["email", "push", "slack", "discord", "teams", "webhook"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];
