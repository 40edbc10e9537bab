import type { IncomingMessage, ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip, type BrotliOptions, type InputType } from "node:zlib";
import Negotiator from "negotiator";

const gzipped = promisify(gzip);
const brotli = promisify<InputType, BrotliOptions, Buffer>(brotliCompress);

export const STATIC_PREFIX = "/_next/static/";

/** What a page load asks for from the build: its scripts and stylesheets. */
const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};
// Larger files (none today) are left to Next.js rather than held in memory.
const MAX_BYTES = 2 * 1024 * 1024;

interface Asset {
  type: string;
  identity: Buffer;
  gzip: Buffer;
  /** Ready a moment after the rest: brotli's best takes a third of a second on React's chunk. */
  br?: Buffer;
}

/**
 * The build's scripts and stylesheets, each compressed once, with the strongest settings, and kept
 * in memory. Their names carry a hash of their contents, so a copy never goes stale. Through Next.js
 * every page view compressed each of its dozen scripts again (about 6 ms of CPU for React's 230 KB
 * chunk alone, on every request), on the same cores that render pages; and brotli at quality 11,
 * too slow to run per request, makes that chunk 15% smaller than gzip does.
 */
export function createStaticAssets(root: string) {
  const assets = new Map<string, Promise<Asset | null>>();

  async function load(file: string, type: string): Promise<Asset | null> {
    const identity = await readFile(file).catch(() => null);
    if (!identity || identity.length > MAX_BYTES) return null;
    const asset: Asset = { type, identity, gzip: await gzipped(identity, { level: constants.Z_BEST_COMPRESSION }) };
    // Until brotli is done, clients that take either get gzip; the first visitor does not wait.
    void brotli(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    })
      .then((br) => (asset.br = br))
      .catch(() => {
        // gzip it stays: smaller than nothing, and nothing is lost.
      });
    return asset;
  }

  /** The asset a request path names, or null for anything else (left to Next.js). */
  function assetFor(urlPath: string): Promise<Asset | null> | null {
    if (!urlPath.startsWith(STATIC_PREFIX)) return null;
    const relative = urlPath.slice(STATIC_PREFIX.length);
    // Built names are plain: nothing encoded, no way up and out of the folder.
    if (!/^[\w./-]+$/.test(relative) || relative.split("/").some((part) => part === ".." || part === "")) return null;
    const type = TYPES[path.extname(relative)];
    if (!type) return null;
    let asset = assets.get(relative);
    if (!asset) {
      asset = load(path.join(root, relative), type);
      assets.set(relative, asset);
      // A file that was not there (yet) may be asked for again; keep only what was found.
      void asset.then((found) => found ?? assets.delete(relative));
    }
    return asset;
  }

  /** Answers a GET or HEAD for one of the build's scripts or stylesheets; false when it is not one. */
  return async function serve(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<boolean> {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const asset = await assetFor(urlPath);
    if (!asset) return false;
    const encoding = smallestAccepted(new Negotiator(req), asset.br !== undefined);
    const body = encoding === "br" ? asset.br! : encoding === "gzip" ? asset.gzip : asset.identity;
    res.writeHead(200, {
      "content-type": asset.type,
      "content-length": body.length,
      // What Next.js sends for the same files: their names change whenever their contents do.
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
      ...(encoding === "br" || encoding === "gzip" ? { "content-encoding": encoding } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}

const ENCODINGS = ["br", "gzip", "identity"];
const WITHOUT_BR = ["gzip", "identity"];
/** negotiator 1.0 breaks ties by the server's preference; its types (@types/negotiator 0.6) predate that. */
type EncodingWithPreference = (available: string[], options: { preferred: string[] }) => string | undefined;

/** Of the encodings the client accepts most (of those ready), the smallest. */
function smallestAccepted(negotiator: Negotiator, brReady: boolean): string | undefined {
  const available = brReady ? ENCODINGS : WITHOUT_BR;
  return (negotiator.encoding as unknown as EncodingWithPreference).call(negotiator, available, {
    preferred: available,
  });
}

export type StaticAssets = ReturnType<typeof createStaticAssets>;
