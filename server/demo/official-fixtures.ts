import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { OFFICIAL_FEEDS } from "@/db/official-feeds";
import type { RenderedFeed } from "@/lib/simulate/official";

/**
 * The demo's vendors' status pages on 127.0.0.1, each in its platform's own format, so the demo
 * polls official statuses over real HTTP without the internet. Paths are /<host>/<path>, what
 * OFFICIAL_STATUS_ORIGIN makes of the real feed URLs. Answers 304 to a matching If-None-Match.
 */
export async function startOfficialFixtures(
  render: (slug: string, path: string, now: Date) => RenderedFeed | null,
): Promise<{ origin: string; close(): Promise<void> }> {
  const byHost = new Map(Object.entries(OFFICIAL_FEEDS).map(([slug, f]) => [new URL(f.feed).host, slug]));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fixture");
    const [, host = "", ...rest] = url.pathname.split("/");
    const slug = byHost.get(host);
    const feed = slug ? render(slug, `/${rest.join("/")}`, new Date()) : null;
    if (!feed) {
      res.writeHead(404, { "content-type": "text/plain" }).end("no such feed");
      return;
    }
    const etag = `"${createHash("sha1").update(feed.body).digest("base64url")}"`;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { "content-type": feed.contentType, etag, "cache-control": "no-cache" }).end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
