// npm run bench:detection:tune [name,name] — compares parameter variants on the TUNING seeds only.
import { DEFAULT_PARAMS, type DetectorParams } from "@/lib/detection/params";
import { ours } from "./detectors";
import { generateHardScenario } from "./families";
import { generateScenario } from "./scenario";
import { emptyTally, score as scoreRun, summarize } from "./score";

const TUNING_SEEDS = [1, 2, 3];
const variants: Record<string, DetectorParams> = Object.fromEntries(
  Object.entries({
    default: DEFAULT_PARAMS,
    strong3: { ...DEFAULT_PARAMS, strongConfirmMinutes: 3 },
    strongOff: { ...DEFAULT_PARAMS, strongConfirmMinutes: DEFAULT_PARAMS.confirmMinutes },
    outageConfirm3: { ...DEFAULT_PARAMS, outageConfirmMinutes: 3 },
    sustain35: { ...DEFAULT_PARAMS, sustainMinutes: 35 },
    sharedZ1: { ...DEFAULT_PARAMS, sharedNetworkZ: 1 },
    sharedZ3: { ...DEFAULT_PARAMS, sharedNetworkZ: 3 },
    standOut1: { ...DEFAULT_PARAMS, regionStandOut: 1 },
    standOut3: { ...DEFAULT_PARAMS, regionStandOut: 3 },
  }).filter(([name]) => !process.argv[2] || process.argv[2].split(",").includes(name)),
);
const SHAPE = { services: 48, weeks: 6, warmupWeeks: 2 };
// Both families, as the benchmark scores them.
const scenarios = TUNING_SEEDS.flatMap((s) => [generateScenario(s, SHAPE), generateHardScenario(s, SHAPE)]);
for (const [name, params] of Object.entries(variants)) {
  const tally = emptyTally();
  for (const sc of scenarios) scoreRun(sc, ours(params), tally);
  const r = summarize(tally);
  console.log(
    name.padEnd(18),
    JSON.stringify({
      p: r.precision,
      r: r.recall,
      r3: r.recall_3x_15min,
      d50: r.delay_p50_min,
      d90: r.delay_p90_min,
      fa: r.false_alarms_per_service_week,
      fl: r.flood_alarms,
      isp: r.recall_3x_15min_by_kind?.isp,
      // Where the median delay sits: the share of clear outages found within 5 minutes.
      within5: Math.round((1000 * tally.delays.filter((d) => d <= 5).length) / Math.max(1, tally.delays.length)) / 1000,
    }),
  );
}
