// npm run bench:detection:tune — compares parameter variants on the TUNING seeds only.
import { DEFAULT_PARAMS, type DetectorParams } from "@/lib/detection/params";
import { ours } from "./detectors";
import { generateScenario } from "./scenario";
import { emptyTally, score as scoreRun, summarize } from "./score";

const TUNING_SEEDS = [1, 2, 3];
const net = (share: number, minNetworks: number): DetectorParams => ({
  ...DEFAULT_PARAMS,
  possible: { ...DEFAULT_PARAMS.possible, networkShare: share, minNetworks },
  outage: { ...DEFAULT_PARAMS.outage, networkShare: share },
});
const score = (possible: number): DetectorParams => ({
  ...DEFAULT_PARAMS,
  possible: { ...DEFAULT_PARAMS.possible, score: possible },
});
const variants: Record<string, DetectorParams> = {
  default: DEFAULT_PARAMS,
  score5: score(5),
  score5_5: score(5.5),
  share08: net(0.8, 5),
};
const scenarios = TUNING_SEEDS.map((s) => generateScenario(s, { services: 48, weeks: 6, warmupWeeks: 2 }));
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
    }),
  );
}
