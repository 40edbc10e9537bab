// The map's shading bands and their words, apart from the statistics that choose them: client
// components need the words, and must not pull the negative-binomial maths into the browser.

export const ANOMALY_BANDS = ["too-few", "normal", "elevated", "high", "severe"] as const;
export type AnomalyBand = (typeof ANOMALY_BANDS)[number];

export const BAND_LABELS: Record<AnomalyBand, string> = {
  "too-few": "Too few reports",
  normal: "Normal",
  elevated: "Above usual",
  high: "Far above usual",
  severe: "Outage-level",
};
