// npm run detect:csv -- IN.csv OUT.csv [--prior N]
// Reads `timestamp,value` rows (a header line, then a count per bin of any width), runs the
// detector as a stream, and writes `timestamp,value,anomaly_score` — one row per input row,
// anomaly_score in [0, 1] and ≥ 0.5 exactly where the detector is in alarm (the site's banner and
// an open incident). Gaps are minutes without reports; rows in the same minute are added up.
import { createReadStream, createWriteStream } from "node:fs";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify";
import { scoreStream } from "@/lib/detection/stream";
import { parseCsvRow } from "@/lib/detection/csv-row";

function usage(message: string): never {
  console.error(`${message}\nusage: npm run detect:csv -- IN.csv OUT.csv [--prior REPORTS_PER_HOUR]`);
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  const priorAt = args.indexOf("--prior");
  const prior = priorAt >= 0 ? Number(args.splice(priorAt, 2)[1]) : 5;
  const [input, output] = args;
  if (!input || !output) usage("missing IN.csv or OUT.csv");
  if (!(prior > 0)) usage("--prior must be a positive number");

  const records: Array<{ raw: string; value: string; t: number; count: number }> = [];
  const parser = createReadStream(input).pipe(
    parse({ columns: false, skip_empty_lines: true, trim: true, from_line: 2, relax_column_count: true, info: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const row = parseCsvRow(record, records.at(-1)?.t ?? null);
    if (!row.ok) {
      console.error(`${input} line ${info.lines}: ${row.error}`);
      process.exit(2);
    }
    records.push({ raw: record[0]!, value: record[1]!, t: row.t, count: row.count });
  }

  const out = stringify({ header: true, columns: ["timestamp", "value", "anomaly_score"] });
  const done = new Promise<void>((resolve, reject) =>
    out.pipe(createWriteStream(output)).on("finish", resolve).on("error", reject),
  );
  let alarms = 0;
  let i = 0;
  for (const row of scoreStream(
    records.map((r) => ({ t: r.t, value: r.count })),
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
