import "server-only";
import proxyaddr from "@fastify/proxy-addr";
import { z } from "zod";
import { DEFAULT_LOCK_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS } from "@/db/timeouts";

/** Reporters counted from one network block per service per window, unless NETWORK_CAP says otherwise. */
export const DEFAULT_NETWORK_CAP = 20;
/** The outages DEMO_SCENARIO may name (lib/simulate/scenarios.ts defines each). */
export const DEMO_SCENARIOS = ["germany", "california", "aws", "comcast"] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

const list = z.string().transform((s) =>
  s
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean),
);

const proxyEntry = z.string().refine(
  (entry) => {
    try {
      proxyaddr.compile(entry);
      return true;
    } catch {
      return false;
    }
  },
  { error: (i) => `"${String(i.input)}" is not a CIDR, an address, or loopback / linklocal / uniquelocal` },
);

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    /**
     * Streaming replicas (comma-separated URLs) for reads that may be seconds old: pages, the public
     * API, exports. Needs DATABASE_URL, which stays the primary for everything else.
     */
    DATABASE_REPLICA_URL: z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, "each must be a postgres:// or postgresql:// URL")))
      .optional(),
    /** A replica further behind than this (or not answering) is skipped; with none left, reads use the primary. */
    DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    DATA_DIR: z.string().min(1).default(".data/pglite"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    REPORTER_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** Enables the admin API (moderation, webhooks); unset, administration is off. */
    ADMIN_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
    /** Where people reach the site, for absolute links in feeds and webhooks; else the request's own origin. */
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
    REPORT_COOLDOWN_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    /** Most reporters counted from one network block (IPv4 /24, IPv6 /48) per service per 15 minutes; the rest are stored and flagged. */
    NETWORK_CAP: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_NETWORK_CAP),
    /** Reports accepted per minute from one address, and from one network block, before 429 (per app process). */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
    RATE_LIMIT_NETWORK_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    REGION_HEADERS: list.default(["cf-ipcountry", "x-vercel-ip-country"]),
    /**
     * Proxies allowed to say who the client is (CIDRs, addresses, or loopback / linklocal /
     * uniquelocal). Unset: the socket's peer is the client and forwarding headers are ignored.
     */
    TRUSTED_PROXIES: list.pipe(z.array(proxyEntry)).optional(),
    /** The header those proxies write the client's address into (right-most untrusted entry wins). */
    CLIENT_IP_HEADER: z
      .string()
      .regex(/^[a-z0-9-]+$/i, "must be a header name")
      .transform((s) => s.toLowerCase())
      .optional(),
    DEMO: z.enum(["on", "off"]).optional(),
    DEMO_HISTORY_DAYS: z.coerce.number().int().min(0).max(90).default(14),
    DEMO_SEED: z.coerce.number().int().default(20261122),
    /** Days of raw reports kept (whole daily partitions are dropped); rollups are kept. 0 keeps everything. */
    REPORT_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
    /** Days webhook deliveries and audit entries are kept; 0 keeps everything. */
    LOG_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
    /** How often the detector evaluates (and a standby instance asks to lead). */
    DETECTOR_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** HTTP worker processes sharing the port; more than one needs a Postgres server (PGlite is single-process). */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    /**
     * Group commit (docs/adr/0003): most reports per statement, most waiting before 503, statements at
     * once. One at a time by default: reports arriving during a flush make the next batch larger, and
     * Postgres's cost per report falls with the batch (docs/scaling.md).
     */
    INGEST_MAX_BATCH: z.coerce.number().int().min(1).max(10_000).default(1000),
    INGEST_MAX_QUEUED: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
    INGEST_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(32).default(1),
    /** How long a batch may wait for the database before its reports are answered "unconfirmed" (503). */
    INGEST_COMMIT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /**
     * Seals webhook signing secrets in the database (32 bytes, hex or base64). Required with
     * DATABASE_URL (every instance must use the same); otherwise generated into SECRETS_DIR.
     */
    WEBHOOK_SECRET_KEY: z
      .string()
      .transform((k) => (/^[0-9a-f]{64}$/i.test(k) ? Buffer.from(k, "hex") : Buffer.from(k, "base64")))
      .refine((k) => k.length === 32, "must be 32 random bytes as 64 hex characters or base64 (openssl rand -hex 32)")
      .optional(),
    /** Where keys generated for the embedded database are kept: beside it, never inside it. */
    SECRETS_DIR: z.string().min(1).default(".data"),
    /**
     * The relay alert e-mails go through, e.g. smtp://user:pass@mail.example:587 or smtps://…:465.
     * Unset: e-mails are kept on the outbox page instead (/alerts/outbox), and only the demo offers
     * e-mail alerts.
     */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/]/, "must be an smtp:// or smtps:// URL")
      .optional(),
    /** The From of alert e-mails; by default alerts@ the PUBLIC_URL's host. */
    MAIL_FROM: z.string().min(3).optional(),
    /** Development and tests only: webhooks may use http:// and point at loopback or private addresses. */
    WEBHOOK_ALLOW_INSECURE: z.enum(["on", "off"]).default("off"),
    /** Read the official status pages of the services that have one (lib/official). */
    OFFICIAL_STATUS: z.enum(["on", "off"]).default("on"),
    /** Seconds between two reads of one official status page; a failing host backs off up to an hour. */
    OFFICIAL_POLL_SECONDS: z.coerce.number().int().min(15).max(3600).default(60),
    /**
     * Read every official feed from this origin instead, https://host/path becoming <origin>/host/path:
     * a mirror, or the fixture server the demo starts for itself when this is unset.
     */
    OFFICIAL_STATUS_ORIGIN: z
      .string()
      .regex(/^https?:\/\/[^/]+\/?$/, "must be an origin such as http://127.0.0.1:4600")
      .optional(),
    /** Longest a client may take to send a whole request; a slower one gets 408 and is disconnected. */
    REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
    /** Most connections one process keeps open at once; more are closed as they arrive. */
    MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
    /** Longest a statement may run, and wait for a lock, on a Postgres server (db/timeouts.ts); 0 = no limit. */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(DEFAULT_STATEMENT_TIMEOUT_MS),
    DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_LOCK_TIMEOUT_MS),
    /** Seconds a rendered page may be served to others (server/front/page-cache.ts); 0 renders every request. */
    PAGE_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
    /** Scripted outages on top of the random ones, e.g. `germany` or `germany,california` (lib/simulate/scenarios.ts). */
    DEMO_SCENARIO: z
      .string()
      .transform((v) => v.split(",").map((s) => s.trim()))
      .pipe(z.array(z.enum(DEMO_SCENARIOS)))
      .optional(),
  })
  .refine((c) => !c.CLIENT_IP_HEADER || c.TRUSTED_PROXIES?.length, {
    path: ["CLIENT_IP_HEADER"],
    message:
      "needs TRUSTED_PROXIES: the addresses of the proxies allowed to set it (anyone else could name any address)",
  })
  .refine((c) => !c.DATABASE_REPLICA_URL?.length || c.DATABASE_URL, {
    path: ["DATABASE_REPLICA_URL"],
    message: "needs DATABASE_URL: replicas serve reads for a primary Postgres server",
  })
  .refine((c) => c.WEB_CONCURRENCY === 1 || c.DATABASE_URL, {
    path: ["WEB_CONCURRENCY"],
    message: "more than one worker needs DATABASE_URL: the embedded database belongs to one process",
  });

export type Config = z.infer<typeof envSchema> & { demo: boolean };

/** Every variable the server reads (README.md's "Configuration" names each). */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

let cached: Config | undefined;

/** Validates the environment once; a bad value stops the process with a message naming it. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty value (DATABASE_URL=) means "not set", as in most tools.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  // Demo traffic is for the zero-setup embedded database; a real server opts in explicitly.
  const demo = parsed.data.DEMO ? parsed.data.DEMO === "on" : !parsed.data.DATABASE_URL;
  return { ...parsed.data, demo };
}
