// The map's shading bands, apart from the statistics that choose them: client components need them
// (their words are the "Bands" messages), and must not pull the negative-binomial maths into the browser.

export const ANOMALY_BANDS = ["too-few", "normal", "elevated", "high", "severe"] as const;
export type AnomalyBand = (typeof ANOMALY_BANDS)[number];
