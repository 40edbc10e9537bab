import { createServer, type RequestListener, type Server } from "node:http";

export interface ConnectionLimits {
  /** Longest a client may take to send its headers, and its whole request (ms). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Most sockets open at once; beyond it new connections are closed as they arrive. */
  maxConnections: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 10_000,
};

/**
 * An HTTP server no client can hold for long: one that trickles its headers or body is answered
 * 408 and disconnected once its time is up (checked every second, not Node's default thirty), and
 * past the connection cap a newcomer is turned away instead of the process running out of sockets.
 */
export function createHttpServer(
  handler: RequestListener,
  limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS,
): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    handler,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}
