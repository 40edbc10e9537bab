import "server-only";

/** The largest feed read: Google Cloud's full history is a few megabytes. */
export const MAX_FEED_BYTES = 16 * 1024 * 1024;

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FeedFetch = { notModified: true } | { notModified: false; body: string; validators: Validators };

export class FeedError extends Error {}

/**
 * One conditional GET with a deadline for the whole exchange, body included, and a size cap: a
 * slow or huge answer fails this poll and nothing else.
 */
export async function fetchFeed(
  url: string,
  validators: Validators,
  opts: { timeoutMs: number; userAgent: string },
): Promise<FeedFetch> {
  const headers: Record<string, string> = {
    "user-agent": opts.userAgent,
    accept: "application/json, application/rss+xml, application/xml;q=0.9, */*;q=0.5",
  };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { headers, signal, redirect: "follow" });
  } catch (e) {
    throw new FeedError(
      signal.aborted ? `no answer within ${opts.timeoutMs} ms` : `unreachable: ${(e as Error).message}`,
    );
  }
  if (res.status === 304) return { notModified: true };
  if (!res.ok) {
    await res.body?.cancel();
    throw new FeedError(`HTTP ${res.status}`);
  }
  const declared = Number(res.headers.get("content-length"));
  if (declared > MAX_FEED_BYTES) {
    await res.body?.cancel();
    throw new FeedError(`larger than ${MAX_FEED_BYTES} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body ?? []) {
      size += chunk.byteLength;
      if (size > MAX_FEED_BYTES) throw new FeedError(`larger than ${MAX_FEED_BYTES} bytes`);
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof FeedError) throw e;
    throw new FeedError(
      signal.aborted ? `no answer within ${opts.timeoutMs} ms` : `broken answer: ${(e as Error).message}`,
    );
  }
  return {
    notModified: false,
    body: Buffer.concat(chunks).toString("utf8"),
    validators: {
      etag: res.headers.get("etag") ?? undefined,
      lastModified: res.headers.get("last-modified") ?? undefined,
    },
  };
}

/**
 * Where a feed is fetched from. With an origin set (the demo's fixture server, tests, a mirror),
 * https://host/path becomes <origin>/host/path.
 */
export function feedLocation(url: string, origin: string | undefined): string {
  if (!origin) return url;
  const u = new URL(url);
  return `${origin.replace(/\/$/, "")}/${u.host}${u.pathname}${u.search}`;
}
