/**
 * Sends reports from `connections` concurrent loops until told to stop, recording the id of every
 * acknowledged (201) report, every other status, and how long each refusal took. Every client
 * address is in 198.18.0.0/15 (the benchmarking range), so a scan for it finds any raw IP stored.
 */
export interface DriverResult {
  sent: number;
  acked: number[];
  statuses: Record<string, number>;
  networkErrors: number;
  /** Time of each acknowledgement, ms since the start, for recovery times. */
  ackTimes: number[];
  /** Each refusal: when it was sent (ms since the start), how long it took, and its status. */
  refusals: Array<{ at: number; ms: number; status: number }>;
}

const SERVICES = [
  ["tiktok", "login"],
  ["whatsapp", "messages"],
  ["netflix", "streaming"],
  ["discord", "login"],
  ["steam", "store"],
] as const;

export function driverIp(n: number): string {
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
}

export async function drive(opts: {
  origin: string;
  connections: number;
  durationMs: number;
  /** Called once with the elapsed time, to inject a fault on a schedule. */
  onTick?: (elapsedMs: number) => void;
  timeoutMs?: number;
}): Promise<DriverResult> {
  const result: DriverResult = {
    sent: 0,
    acked: [],
    statuses: {},
    networkErrors: 0,
    ackTimes: [],
    refusals: [],
  };
  const start = Date.now();
  let n = Math.floor(Math.random() * 60_000);
  const timer = setInterval(() => opts.onTick?.(Date.now() - start), 100);
  const loop = async () => {
    while (Date.now() - start < opts.durationMs) {
      const i = n++;
      const [service, symptom] = SERVICES[i % SERVICES.length]!;
      const sentAt = Date.now();
      result.sent++;
      try {
        const res = await fetch(`${opts.origin}/api/v1/reports`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": driverIp(i), "user-agent": `driver ${i}` },
          body: JSON.stringify({ service, symptom, country: "US" }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
        const body = (await res.json().catch(() => ({}))) as { id?: number };
        result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
        if (res.status === 201 && typeof body.id === "number") {
          result.acked.push(body.id);
          result.ackTimes.push(Date.now() - start);
        } else {
          result.refusals.push({ at: sentAt - start, ms: Date.now() - sentAt, status: res.status });
          // A refused client waits a little, as a real one would (Retry-After), instead of spinning.
          await new Promise((r) => setTimeout(r, 50));
        }
      } catch {
        result.networkErrors++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, loop));
  clearInterval(timer);
  return result;
}
