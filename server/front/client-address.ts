import type { IncomingMessage } from "node:http";
import proxyaddr from "@fastify/proxy-addr";
import { clientAddress } from "@/lib/reports/client-ip";

/** Which peers may tell us who the client is, and in which header. */
export interface ProxyTrust {
  /** The header a trusted proxy writes the client's address into, e.g. `x-forwarded-for`. */
  header: string;
  /** True for an address (the socket's, then each forwarded hop's) that is one of our proxies. */
  trusts: (address: string, hop: number) => boolean;
}

/**
 * `TRUSTED_PROXIES` entries: CIDRs, single addresses, or `loopback`, `linklocal`, `uniquelocal`.
 * Throws on an entry that is none of them.
 */
export function proxyTrust(proxies: readonly string[], header = "x-forwarded-for"): ProxyTrust {
  return { header, trusts: proxyaddr.compile([...proxies]) };
}

export interface Client {
  /** The client's address as everything behind the front sees it (see `clientAddress`). */
  ip: string;
  /** The connection reached us over TLS: our own, or a trusted proxy's that says so. */
  https: boolean;
  /** The socket's peer is one of our proxies. */
  proxied: boolean;
}

const headerValue = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw.join(",") : raw);

/**
 * Who sent this request. A forwarding header is believed only when the socket's peer is a trusted
 * proxy, and then only up to the right-most address that is not one of ours: everything left of it
 * was written by the client, who could write anything (one machine naming a new address with every
 * request would pass every per-address limit and look like a crowd). The same holds for
 * X-Forwarded-Proto; from anyone else it is ignored.
 */
export function resolveClient(req: IncomingMessage, trust: ProxyTrust | undefined): Client {
  const socket = req.socket.remoteAddress ?? "unknown";
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  if (!trust || !trust.trusts(socket, 0))
    return { ip: clientAddress(socket) ?? socket, https: encrypted, proxied: false };
  const forwarded = headerValue(req.headers[trust.header]);
  const chosen = proxyaddr(
    { headers: { "x-forwarded-for": forwarded }, socket: req.socket } as unknown as IncomingMessage,
    trust.trusts,
  );
  // A hop the proxy passed on that is not an address: the proxy is misconfigured, and the one
  // address we know is its own.
  const ip = clientAddress(chosen) ?? clientAddress(socket) ?? socket;
  const proto = headerValue(req.headers["x-forwarded-proto"])?.split(",").at(-1)?.trim().toLowerCase();
  return { ip, https: encrypted || proto === "https", proxied: true };
}

/**
 * What Next.js reads about the connection, rewritten from what we know: it derives request URLs
 * from these headers, and a client's own values must not choose them.
 */
export function rewriteForwardedHeaders(req: IncomingMessage, client: Client): void {
  req.headers["x-forwarded-proto"] = client.https ? "https" : "http";
  if (!client.proxied) {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-port"];
  }
  delete req.headers["x-forwarded-for"];
  delete req.headers.forwarded;
}
