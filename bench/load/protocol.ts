/** What the bench orchestrators ask of a load process, and what it reports back. */
export interface LoadConfig {
  origin: string;
  /** Concurrent connections, each with one request in flight at a time. */
  connections: number;
  durationMs: number;
  /** Requests per second across all connections; unset = as fast as the server answers. */
  ratePerSecond?: number;
  seed: number;
  /** Distinct report requests prepared before the clock starts (default: the whole phase at its rate, or at 30,000/s). */
  poolSize?: number;
  work:
    | { kind: "reports"; services: Array<{ slug: string; symptoms: string[] }> }
    | { kind: "get"; paths: string[]; headers?: Record<string, string> };
}

export interface LoadResult {
  sent: number;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  /** Requests that got no HTTP response (connection refused, reset, timeout). */
  networkErrors: number;
  elapsedMs: number;
  /** CPU seconds the load generator itself used. */
  cpuSeconds: number;
  latency: { p50: number; p90: number; p99: number; max: number };
}
