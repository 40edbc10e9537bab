// npm run detect:csv -- IN.csv OUT.csv [--prior N]
// Reads `timestamp,value` rows (a header line, then a count per bin of any width), runs the
// detector as a stream, and writes `timestamp,value,anomaly_score` — one row per input row,
// anomaly_score in [0, 1] and ≥ 0.5 exactly where the detector is in alarm.
import { createReadStream, createWriteStream } from "node:fs";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify";
import { scoreStream } from "@/lib/detection/stream";

function usage(message: string): never {
  console.error(`${message}\nusage: npm run detect:csv -- IN.csv OUT.csv [--prior REPORTS_PER_HOUR]`);
  process.exit(2);
}

function parseTime(raw: string): number {
  const trimmed = raw.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    return n < 1e11 ? n * 1000 : n; // epoch seconds or milliseconds
  }
  // "2015-02-26 21:42:53" (no zone) is read as UTC, like most public anomaly datasets.
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(trimmed) ? trimmed : `${trimmed.replace(" ", "T")}Z`;
  return Date.parse(iso);
}

async function main() {
  const args = process.argv.slice(2);
  const priorAt = args.indexOf("--prior");
  const prior = priorAt >= 0 ? Number(args.splice(priorAt, 2)[1]) : 5;
  const [input, output] = args;
  if (!input || !output) usage("missing IN.csv or OUT.csv");
  if (!(prior > 0)) usage("--prior must be a positive number");

  const records: Array<{ raw: string; value: string; t: number }> = [];
  const parser = createReadStream(input).pipe(
    parse({ columns: false, skip_empty_lines: true, trim: true, from_line: 2 }),
  );
  for await (const record of parser as AsyncIterable<string[]>) {
    const [raw = "", value = ""] = record;
    const t = parseTime(raw);
    if (!Number.isFinite(t)) usage(`line ${records.length + 2}: "${raw}" is not a timestamp`);
    records.push({ raw, value, t });
  }

  const out = stringify({ header: true, columns: ["timestamp", "value", "anomaly_score"] });
  const done = new Promise<void>((resolve, reject) =>
    out.pipe(createWriteStream(output)).on("finish", resolve).on("error", reject),
  );
  let alarms = 0;
  let i = 0;
  for (const row of scoreStream(
    records.map((r) => ({ t: r.t, value: Number(r.value) })),
    prior,
  )) {
    const record = records[i++]!;
    if (row.inAlarm) alarms++;
    out.write([record.raw, record.value, row.anomalyScore.toFixed(4)]);
  }
  out.end();
  await done;
  console.log(`${records.length} rows scored, ${alarms} in alarm → ${output}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
