import { z } from "zod";
import measured from "@/bench/results/detection.json";
import measuredReal from "@/bench/results/real.json";

const scores = z.object({
  precision: z.number().min(0).max(1),
  recall: z.number().min(0).max(1),
  recall_3x_15min: z.number().min(0).max(1),
  delay_p50_min: z.number().min(0),
  delay_p90_min: z.number().min(0),
  false_alarms_per_service_week: z.number().min(0),
  flood_alarms: z.int().min(0),
  alarm_events: z.int().min(0),
  outages: z.int().min(0),
  outages_3x_15min: z.int().min(0),
  service_weeks: z.number().min(0),
});
export type DetectionScores = z.infer<typeof scores>;

const published = scores.extend({
  baselines: z.object({ fixed_threshold: scores, three_sigma: scores, poisson_cusum: scores }),
  /** The comparison rules' thresholds, each tuned on the tuning seeds. */
  thresholds: z.object({ fixed_threshold: z.number(), three_sigma: z.number(), poisson_cusum: z.number() }),
  seeds: z.object({ tuning: z.array(z.int()), reporting: z.array(z.int()) }),
  scenario: z.object({ services: z.int(), weeks: z.int(), warmupWeeks: z.int() }),
  targets: z.object({ recall_3x_15min: z.string().regex(/^>= 0\.\d+$/) }),
  /** Our recall of clear outages by where they happened (global, regional, isp, state). */
  recall_3x_15min_by_kind: z.record(
    z.string(),
    z.object({ recall: z.number().min(0).max(1), outages: z.int().min(0) }),
  ),
  commit: z.string().optional(),
  generated_at: z.iso.datetime(),
});

/**
 * The detector's quality as `npm run bench:detection` last measured it. The site publishes the
 * committed run itself, so the figures on the page are the measured ones and change with a new run.
 */
export const DETECTION_FIGURES = published.parse(measured);

/** The benchmark's own target for `recall_3x_15min` (written as ">= 0.95"), as a share. */
export const RECALL_TARGET = Number(DETECTION_FIGURES.targets.recall_3x_15min.slice(2));

const real = z.object({
  nab_score: z.number(),
  windows: z.int().min(0),
  windows_detected: z.int().min(0),
  false_alarm_episodes: z.int().min(0),
  series_weeks: z.number().min(0),
  false_alarm_episodes_per_series_week: z.number().min(0),
  commit: z.string(),
  generated_at: z.iso.datetime(),
});

/** The detector on real counts nobody here wrote, as `npm run bench:real` last measured it. */
export const REAL_FIGURES = real.parse(measuredReal);
