import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface PageBehaviour {
  body?: string;
  contentType?: string;
  status?: number;
  /** Wait this long before answering. */
  delayMs?: number;
}

/**
 * Vendors' status pages on loopback for tests: whatever `pages` holds for /<host>/<path> (the
 * shape OFFICIAL_STATUS_ORIGIN gives), with an ETag, 304 to a matching If-None-Match, and a log.
 */
export async function startStatusPages() {
  const pages = new Map<string, PageBehaviour>();
  const log: { path: string; headers: IncomingHttpHeaders; answered: number }[] = [];
  const server = createServer((req, res) => {
    const page = pages.get(req.url ?? "");
    const answer = (status: number, headers: Record<string, string> = {}, body = "") => {
      log.push({ path: req.url ?? "", headers: req.headers, answered: status });
      res.writeHead(status, headers).end(body);
    };
    const respond = () => {
      if (!page) return answer(404);
      if (page.status && page.status !== 200) return answer(page.status, {}, "error");
      const body = page.body ?? "";
      const etag = `"${createHash("sha1").update(body).digest("hex")}"`;
      if (req.headers["if-none-match"] === etag) return answer(304, { etag });
      answer(200, { "content-type": page.contentType ?? "application/json", etag }, body);
    };
    if (page?.delayMs) setTimeout(respond, page.delayMs);
    else respond();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pages,
    log,
    /** Serves `body` at the feed URL's place under this origin. */
    set(feedUrl: string, behaviour: PageBehaviour) {
      const u = new URL(feedUrl);
      pages.set(`/${u.host}${u.pathname}${u.search}`, behaviour);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
