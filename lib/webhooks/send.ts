import "server-only";
import type { IncomingMessage } from "node:http";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import ipaddr from "ipaddr.js";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";

/** Where webhooks may point. Only development and tests allow http:// and private addresses. */
export interface TargetPolicy {
  allowInsecure: boolean;
}

/**
 * Agents that check the address each connection is about to use, after the DNS lookup, and connect
 * to that same address: a host that resolves to a public address when it is registered and to
 * 169.254.169.254 when it is called (DNS rebinding) is still refused. Only unicast addresses pass:
 * loopback, private, link-local, carrier-grade NAT, unique-local, multicast and reserved do not.
 */
const strict = { http: new RequestFilteringHttpAgent(), https: new RequestFilteringHttpsAgent() };
const insecure = {
  http: new RequestFilteringHttpAgent({ allowPrivateIPAddress: true }),
  https: new RequestFilteringHttpsAgent({ allowPrivateIPAddress: true }),
};

const REFUSED_ADDRESS = "the address is not allowed: it is private, loopback, link-local or reserved";

/** Why a webhook may not point at `url`, in words; null when it may. */
export function targetProblem(url: string, policy: TargetPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "must be a URL";
  }
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && policy.allowInsecure))
    return "must be an https:// URL";
  if (parsed.username || parsed.password) return "must not carry a user name or password";
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (!policy.allowInsecure && ipaddr.isValid(host) && ipaddr.process(host).range() !== "unicast")
    return `must not point to a private, loopback, link-local or reserved address`;
  return null;
}

export interface SendResult {
  status: number | null;
  /**
   * Null exactly when the receiver answered 2xx (delivered); else what went wrong, in words that
   * never name an address of ours or the receiver's.
   */
  error: string | null;
}

/**
 * POSTs a delivery: no redirects followed, `timeoutMs` for the whole exchange, and failures told
 * as "connection refused" or "timed out" rather than with the addresses involved (the log is shown
 * to whoever registered the webhook).
 */
export function postDelivery(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: TargetPolicy,
  timeoutMs: number,
): Promise<SendResult> {
  const problem = targetProblem(url, policy);
  if (problem) return Promise.resolve({ status: null, error: `the webhook URL ${problem}` });
  const agents = policy.allowInsecure ? insecure : strict;
  const https = url.startsWith("https:");
  return new Promise((resolve) => {
    const req = (https ? httpsRequest : httpRequest)(
      url,
      {
        method: "POST",
        agent: https ? agents.https : agents.http,
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res: IncomingMessage) => {
        res.resume();
        const status = res.statusCode ?? null;
        if (status !== null && status >= 200 && status < 300) return resolve({ status, error: null });
        const redirect = status !== null && status >= 300 && status < 400 ? "; redirects are not followed" : "";
        resolve({ status, error: `the receiver answered ${status}${redirect}` });
      },
    );
    req.on("error", (error) => resolve({ status: null, error: describeFailure(error, timeoutMs) }));
    req.end(body);
  });
}

function describeFailure(error: Error & { code?: string }, timeoutMs: number): string {
  const code = error.code ?? "";
  if (error.name === "AbortError" || error.name === "TimeoutError" || code === "ETIMEDOUT")
    return `timed out after ${timeoutMs / 1000} s`;
  if (/is not allowed/.test(error.message)) return REFUSED_ADDRESS;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "EPIPE") return "connection reset";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") return "host not found";
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return "host unreachable";
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return "the receiver's TLS certificate was not accepted";
  return "connection failed";
}
