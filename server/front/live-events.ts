import "server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import { createChannel, createSession, type Channel } from "better-sse";
import type { DbHandle } from "@/db/client";
import { LIVE_CHANNEL, parseChange, type ServiceChange, type TickEvent } from "@/lib/live/changes";
import { reportableService } from "@/lib/reports/service-cache";
import { errorBody } from "@/lib/http/responses";
import { sendJson } from "./send-json";
import { logError } from "@/lib/text/error-text";

/** Every service's changes (the home page, the maps); one service's at `/api/v1/services/{slug}/events`. */
export const ALL_EVENTS_PATH = "/api/v1/events";
const SERVICE_EVENTS_PATH = /^\/api\/v1\/services\/([^/]+)\/events$/;

/** The slug whose events a path asks for, "" for every service's, or null when it is not an event path. */
export function eventStreamOf(path: string): string | null {
  if (path === ALL_EVENTS_PATH) return "";
  const m = SERVICE_EVENTS_PATH.exec(path);
  return m ? decodeURIComponent(m[1]!) : null;
}

/** An event as it is sent: its data serialized once, and when this process heard it (epoch ms), its id. */
interface Heard {
  data: string;
  at: number;
}

/** Comments every 25 s keep proxies (nginx's default read timeout is 60 s) from closing a quiet stream. */
const KEEP_ALIVE_MS = 25_000;
/** How long a browser waits before it reconnects after losing the stream. */
const RETRY_MS = 5_000;
/** How often an instance checks that it still hears the tick's announcements. */
const WATCHDOG_MS = 30_000;

/**
 * Live pages pushed rather than polled: the tick NOTIFYs each change in its transaction, every
 * instance LISTENs, and this hub fans each change out over Server-Sent Events to the pages open on
 * it. Ids are the time this process heard the change, so a browser that reconnects, even to
 * another instance, is sent the latest change it missed (Last-Event-ID, or `?lastEventId=` with the
 * time its page was drawn); each event carries a whole state, so the latest is all it needs.
 */
export class LiveHub {
  private readonly all: Channel = createChannel();
  private readonly services = new Map<string, Channel>();
  private readonly latest = new Map<string, Heard & { level: ServiceChange["level"] }>();
  private lastTick: Heard | null = null;
  private batch: Array<{ change: ServiceChange; moved: boolean }> = [];
  private unlisten: (() => Promise<void>) | null = null;
  private readonly open = new Set<ServerResponse>();
  private listened = false;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private readonly ping = `ping:${randomUUID()}`;
  private pingHeard = true;

  /** `watchdogMs`: how often the hub checks, by notifying itself, that it still hears the channel. */
  constructor(
    private readonly handle: DbHandle,
    private readonly watchdogMs = WATCHDOG_MS,
  ) {}

  async start(): Promise<void> {
    await this.subscribe();
    this.watchdog ??= setInterval(() => void this.check(), this.watchdogMs);
    this.watchdog.unref();
  }

  private async subscribe(): Promise<void> {
    this.unlisten = await this.handle.listen(
      LIVE_CHANNEL,
      (payload) => this.hear(payload),
      () => {
        // Listening again after a lost connection: what was announced in between is gone.
        if (this.listened) this.resync();
        this.listened = true;
      },
    );
  }

  /**
   * The hub's own ping must come back before the next check; when it does not (the listening
   * connection is gone and was not restored), it listens anew and tells every page to catch up.
   */
  private async check(): Promise<void> {
    try {
      // Listening anew resyncs the pages (see subscribe).
      if (!this.pingHeard) {
        await this.unlisten?.().catch(() => {});
        await this.subscribe();
      }
      this.pingHeard = false;
      await this.handle.db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${this.ping})`);
    } catch (error) {
      logError("live events: the change channel could not be checked", error);
    }
  }

  /** Every open page fetches what it shows anew: some changes may have been missed. */
  private resync(): void {
    const at = String(Date.now());
    for (const channel of [this.all, ...this.services.values()]) channel.broadcast(at, "resync", { eventId: at });
  }

  /** Open streams on this instance. */
  get connections(): number {
    return this.open.size;
  }

  /** Ends every stream (browsers reconnect, to another instance behind a balancer) and stops listening. */
  async close(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    for (const res of this.open) res.end();
    this.open.clear();
    await this.unlisten?.();
    this.unlisten = null;
  }

  private hear(payload: string): void {
    if (payload === this.ping) {
      this.pingHeard = true;
      return;
    }
    const change = parseChange(payload);
    if (!change) return;
    const heard = { data: JSON.stringify(change), at: Date.now(), level: change.level };
    const previous = this.latest.get(change.slug);
    this.latest.set(change.slug, heard);
    this.services.get(change.slug)?.broadcast(heard.data, "status", { eventId: String(heard.at) });
    // A tick's notifications arrive together; the pages that watch every service hear them as one.
    if (this.batch.length === 0) setImmediate(() => this.flushTick());
    this.batch.push({ change, moved: previous?.level !== change.level });
  }

  private flushTick(): void {
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    const event: TickEvent = {
      t: Math.max(...batch.map((b) => b.change.t)),
      changed: batch.length,
      levels: batch.filter((b) => b.moved).map(({ change: { slug, level, since } }) => ({ slug, level, since })),
    };
    this.lastTick = { data: JSON.stringify(event), at: Date.now() };
    this.all.broadcast(this.lastTick.data, "tick", { eventId: String(this.lastTick.at) });
  }

  /** GET of an event stream: `slug` "" for every service's. */
  async serve(req: IncomingMessage, res: ServerResponse, slug: string): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return sendJson(res, 405, errorBody("method_not_allowed", "event streams are read with GET"));
    }
    if (slug) {
      try {
        if (!(await reportableService(this.handle.db, slug)))
          return sendJson(res, 404, errorBody("not_found", `unknown service "${slug}"`));
      } catch (error) {
        logError("live events: catalog lookup failed", error);
        return sendJson(res, 503, errorBody("unavailable", "the catalog could not be read; retry shortly"));
      }
    }
    const session = await createSession(req, res, {
      keepAlive: KEEP_ALIVE_MS,
      retry: RETRY_MS,
      // Payloads are serialized once per change, not once per listener.
      serializer: (data) => data as string,
      headers: {
        "cache-control": "no-store, no-transform",
        // nginx must pass each event on as it comes rather than buffer the response.
        "x-accel-buffering": "no",
      },
    });
    this.open.add(res);
    session.once("disconnected", () => {
      this.open.delete(res);
      const channel = slug ? this.services.get(slug) : undefined;
      if (channel && channel.sessionCount === 0) this.services.delete(slug);
    });
    const since = Number(session.lastId);
    const missed = (at: number) => Number.isFinite(since) && since > 0 && at > since;
    if (slug) {
      let channel = this.services.get(slug);
      if (!channel) this.services.set(slug, (channel = createChannel()));
      channel.register(session);
      const latest = this.latest.get(slug);
      if (latest && missed(latest.at)) session.push(latest.data, "status", String(latest.at));
    } else {
      this.all.register(session);
      if (this.lastTick && missed(this.lastTick.at)) session.push(this.lastTick.data, "tick", String(this.lastTick.at));
    }
  }
}
