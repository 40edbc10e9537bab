import { describe, expect, it } from "vitest";
import { errorText, LOG_REPEAT_MS, logError } from "./error-text";

describe("errorText", () => {
  it("masks IPv4 and IPv6 addresses, with or without a port, and nothing else", () => {
    expect(errorText(new Error("write CONNECTION_CLOSED 127.0.0.1:55439"))).toBe(
      "write CONNECTION_CLOSED [address]:55439",
    );
    expect(errorText(new Error("connect ECONNREFUSED ::1:5432"))).toBe("connect ECONNREFUSED [address]");
    expect(errorText(new Error("connect ECONNREFUSED 2001:db8::17 port 443"))).toBe(
      "connect ECONNREFUSED [address] port 443",
    );
    expect(errorText("from 198.51.100.7 and ::ffff:203.0.113.9")).toBe("from [address] and [address]");
    // Times, versions and counts stay as they are.
    expect(errorText(new Error("tick at 12:30:45 took 1.2.3 s; 10.5 reports"))).toBe(
      "tick at 12:30:45 took 1.2.3 s; 10.5 reports",
    );
  });

  it("gives the driver's error rather than drizzle's, which repeats the statement and its parameters", () => {
    const driver = new Error("connect ECONNREFUSED 10.0.0.5:5432");
    const wrapped = new Error("Failed query: select 1 from reports where x = $1\nparams: 7", { cause: driver });
    expect(errorText(wrapped)).toBe("connect ECONNREFUSED [address]:5432");
  });

  it("gives the stack when asked, masked the same way", () => {
    const error = new Error("connect ECONNREFUSED 10.0.0.5:5432");
    const text = errorText(error, { stack: true });
    expect(text).toContain("at ");
    expect(text).toContain("connect ECONNREFUSED [address]:5432");
    expect(text).not.toContain("10.0.0.5");
  });
});

describe("logError", () => {
  it("writes one line per kind of failure every ten seconds, and says how many it held back", () => {
    const lines: string[] = [];
    const write = (line: string) => lines.push(line);
    const t = 1_000_000;
    for (let i = 0; i < 500; i++) logError("disk test failure", new Error("No space left on device"), {}, write, t + i);
    logError("another failure", new Error("at 10.1.2.3"), {}, write, t + 600);
    logError("disk test failure", new Error("No space left on device"), {}, write, t + LOG_REPEAT_MS + 1);
    expect(lines).toEqual([
      "[outage-radar] disk test failure: No space left on device",
      "[outage-radar] another failure: at [address]",
      "[outage-radar] disk test failure (499 more like it held back): No space left on device",
    ]);
  });
});
