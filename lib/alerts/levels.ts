/** How serious an incident must be for a subscription to hear of it. */
export const ALERT_LEVELS = ["possible", "outage"] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export const ALERT_LEVEL_LABELS: Record<AlertLevel, string> = {
  possible: "Possible problems and outages",
  outage: "Outages only",
};

/** Where alerts can go. */
export const ALERT_CHANNELS = ["email", "push", "slack", "discord", "teams", "webhook"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export const CHANNEL_LABELS: Record<AlertChannel, string> = {
  email: "E-mail",
  push: "Browser notification",
  slack: "Slack",
  discord: "Discord",
  teams: "Microsoft Teams",
  webhook: "Signed webhook",
};
