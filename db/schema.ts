import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import {
  CATEGORY_SLUGS,
  INCIDENT_CAUSES,
  INCIDENT_EVENT_KINDS,
  STATUS_LEVELS,
  type Symptom,
  type WebhookEvent,
} from "@/lib/catalog/constants";

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const categoryEnum = pgEnum("service_category", CATEGORY_SLUGS);
export const statusLevelEnum = pgEnum("status_level", STATUS_LEVELS);
export const incidentCauseEnum = pgEnum("incident_cause", INCIDENT_CAUSES);
export const incidentEventKindEnum = pgEnum("incident_event_kind", INCIDENT_EVENT_KINDS);

export const services = pgTable("services", {
  id: serial("id").primaryKey(),
  slug: varchar("slug", { length: 64 }).notNull().unique(),
  name: text("name").notNull(),
  category: categoryEnum("category").notNull(),
  website: text("website").notNull(),
  statusPage: text("status_page"),
  aliases: jsonb("aliases").$type<string[]>().notNull().default([]),
  symptoms: jsonb("symptoms").$type<Symptom[]>().notNull(),
  troubleshooting: jsonb("troubleshooting").$type<string[]>().notNull(),
  createdAt: tstz("created_at").notNull().defaultNow(),
});
export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;

/** Ids of raw reports; a plain sequence because `reports` is partitioned. */
export const reportsIdSeq = pgSequence("reports_id_seq");

/**
 * One row per submitted report; append-only. Range-partitioned by day on created_at (migration
 * 0006, which drizzle-kit cannot express: see lib/reports/partitions.ts). Days are made ahead of
 * time, and by ingest for a report whose day has none, so no report is refused for want of one;
 * old days are detached concurrently and dropped after the retention period while the rollups stay
 * (migration 0017 removed the default partition, which forbade that).
 */
export const reports = pgTable(
  "reports",
  {
    id: bigint("id", { mode: "number" })
      .notNull()
      .default(sql`nextval('reports_id_seq')`),
    createdAt: tstz("created_at").notNull().defaultNow(),
    // Not a foreign key: the service is checked against the catalog on the way in and services are
    // never deleted; the check made concurrent batches lock the failing service's row (docs/adr/0005).
    serviceId: integer("service_id").notNull(),
    symptom: varchar("symptom", { length: 64 }).notNull(),
    country: varchar("country", { length: 2 }).notNull(),
    subdivision: varchar("subdivision", { length: 6 }),
    text: varchar("text", { length: 280 }),
    /** The reporter's network operator (autonomous system number), looked up in memory from the address. */
    asn: bigint("asn", { mode: "number" }),
    /** False for repeats within the reporter's cooldown and for suppressed floods. */
    counted: boolean("counted").notNull(),
    /** Why a report that was not a repeat still did not count: "network_cap" for a flood from one network. */
    flag: varchar("flag", { length: 16 }),
    /** Counted from a network block the service had not seen for a window: how operators' rates are learnt. */
    newNetwork: boolean("new_network").notNull().default(false),
    /** Set when a moderator hid the text as abusive: the report still counts, its text is never shown. */
    textHiddenAt: tstz("text_hidden_at"),
  },
  (t) => [
    primaryKey({ columns: [t.createdAt, t.id] }),
    // Pages and the detector read rollups; raw rows are read only for their texts (moderation,
    // incident pages), so only rows with a text are indexed by service: a tenth of the cost.
    index("reports_texts")
      .on(t.serviceId, t.createdAt)
      .where(sql`text is not null`),
  ],
);
export type Report = typeof reports.$inferSelect;

/**
 * Per (service, minute, country, symptom): all reports, distinct reporters (= counted reports),
 * networks: counted reports from a network block not seen for the service in the previous 15
 * minutes (the detector's network-diversity signal: a flood from a few networks adds few), and
 * shared: how much of the reporters sit behind shared addresses, by their operators' `network_shares.shared`.
 */
export const reportRollups = pgTable(
  "report_rollups",
  {
    serviceId: integer("service_id").notNull(),
    bucket: tstz("bucket").notNull(),
    country: varchar("country", { length: 2 }).notNull(),
    symptom: varchar("symptom", { length: 64 }).notNull(),
    reports: integer("reports").notNull(),
    reporters: integer("reporters").notNull(),
    networks: integer("networks").notNull().default(0),
    shared: real("shared").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.bucket, t.country, t.symptom] }),
    index("report_rollups_bucket").on(t.bucket),
  ],
);

/**
 * Per (service, minute, ISO 3166-2 subdivision): the maps' drill-down and the subdivision detectors
 * (US states first), with `networks` counted as in `report_rollups`. Rows written before migration
 * 0011 are 10-minute buckets with no networks; every reader sums over windows, so both read alike.
 */
export const subdivisionRollups = pgTable(
  "subdivision_rollups",
  {
    serviceId: integer("service_id").notNull(),
    bucket: tstz("bucket").notNull(),
    subdivision: varchar("subdivision", { length: 6 }).notNull(),
    reports: integer("reports").notNull(),
    reporters: integer("reporters").notNull(),
    networks: integer("networks").notNull().default(0),
    shared: real("shared").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.bucket, t.subdivision] }),
    index("subdivision_rollups_bucket").on(t.bucket),
  ],
);

/** Per (service, minute) totals: what charts, sparklines and the detector read. */
export const serviceMinuteRollups = pgTable(
  "service_minute_rollups",
  {
    serviceId: integer("service_id").notNull(),
    bucket: tstz("bucket").notNull(),
    reports: integer("reports").notNull(),
    reporters: integer("reporters").notNull(),
    networks: integer("networks").notNull().default(0),
    shared: real("shared").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.bucket] }), index("service_minute_rollups_bucket").on(t.bucket)],
);

/**
 * When each network block last sent a counted report for a service. `prev_seen` keeps the sighting
 * before that, so one upsert tells whether the network is new (unseen for 15 minutes). Pruned with
 * the cooldowns.
 *
 * This table and the cooldowns take a lookup and a write for nearly every report, so they are kept
 * lean: the 128-bit keyed hash is stored as a uuid (16 bytes compared as bytes, not 32 characters
 * compared as text), and there is no index on the times. Pruning scans the table every ten minutes
 * instead — cheap next to an index entry written for every report, and without it an update can
 * stay on its page (HOT). Both measured: together a sixth of the ingest statement's Postgres time.
 */
export const networkSightings = pgTable(
  "network_sightings",
  {
    serviceId: integer("service_id").notNull(),
    network: uuid("network").notNull(),
    lastSeen: tstz("last_seen").notNull(),
    prevSeen: tstz("prev_seen"),
    /** Start of the network's current cap window for the service, and reporters it brought in it. */
    windowStart: tstz("window_start"),
    windowCount: integer("window_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.network] })],
);

/** The detector's per-service state (baseline and level), advanced minute by minute by each tick. */
export const detectorState = pgTable("detector_state", {
  serviceId: integer("service_id")
    .primaryKey()
    .references(() => services.id),
  /** Last minute folded into the state, epoch ms. */
  throughMinute: bigint("through_minute", { mode: "number" }).notNull(),
  // json, not jsonb: every tick rewrites every state whole and reads it whole, never queries inside
  // it; json is stored as sent, so saving costs less than jsonb's parsing (bench:tick).
  state: json("state").notNull(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/** The last counted report per reporter and service; decides whether a new report counts. Kept lean like networkSightings. */
export const reporterCooldowns = pgTable(
  "reporter_cooldowns",
  {
    reporter: uuid("reporter").notNull(),
    serviceId: integer("service_id").notNull(),
    lastCountedAt: tstz("last_counted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reporter, t.serviceId] })],
);

/**
 * Idempotency-Key of an acknowledged report, as a keyed hash of the client and the key (never the
 * key itself), so a retried POST returns the first answer instead of storing the report twice.
 * Kept for a day. Rows from before migration 0013 have no request hash and match any retry.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    key: varchar("key", { length: 32 }).primaryKey(),
    reportId: bigint("report_id", { mode: "number" }).notNull(),
    createdAt: tstz("created_at").notNull(),
    /** Hash of the report the key first came with: the same key with another report is refused (422). */
    request: varchar("request", { length: 32 }),
  },
  (t) => [index("idempotency_keys_time").on(t.createdAt)],
);

/**
 * Hits per rate-limit key that each instance has seen more than once in a window, so every instance
 * can count the others' (lib/limits/peer-counts.ts). The key is a keyed hash, never an address. Rows
 * live three windows at most, and the table is unlogged: after a crash it starts empty, which at worst
 * lets a repeat sender through for one more window on each instance.
 */
export const limitHits = pgTable(
  "limit_hits",
  {
    limiter: varchar("limiter", { length: 32 }).notNull(),
    key: uuid("key").notNull(),
    windowStart: tstz("window_start").notNull(),
    instance: uuid("instance").notNull(),
    hits: integer("hits").notNull(),
  },
  // Window before key: every instance reads a whole window's rows at each sync.
  (t) => [primaryKey({ columns: [t.limiter, t.windowStart, t.key, t.instance] })],
);

/** One row per service, written by the detector, so the home page is one read. */
export const serviceStatus = pgTable("service_status", {
  serviceId: integer("service_id")
    .primaryKey()
    .references(() => services.id),
  level: statusLevelEnum("level").notNull().default("ok"),
  since: tstz("since").notNull().defaultNow(),
  incidentId: integer("incident_id"),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});
export type ServiceStatus = typeof serviceStatus.$inferSelect;

export const incidents = pgTable(
  "incidents",
  {
    id: serial("id").primaryKey(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    level: statusLevelEnum("level").notNull(),
    startedAt: tstz("started_at").notNull(),
    detectedAt: tstz("detected_at").notNull(),
    peakAt: tstz("peak_at"),
    /** Distinct reporters per minute at the peak. */
    peakRate: doublePrecision("peak_rate"),
    endedAt: tstz("ended_at"),
    regions: jsonb("regions").$type<string[]>().notNull().default([]),
    symptoms: jsonb("symptoms").$type<string[]>().notNull().default([]),
    cause: incidentCauseEnum("cause"),
    mergedInto: integer("merged_into"),
  },
  (t) => [
    index("incidents_service_start").on(t.serviceId, t.startedAt),
    index("incidents_start").on(t.startedAt),
    // At most one open incident per service, whatever a crashed or repeated tick tries.
    uniqueIndex("incidents_one_open")
      .on(t.serviceId)
      .where(sql`ended_at is null`),
  ],
);
export type Incident = typeof incidents.$inferSelect;

export const incidentEvents = pgTable(
  "incident_events",
  {
    id: serial("id").primaryKey(),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id),
    kind: incidentEventKindEnum("kind").notNull(),
    at: tstz("at").notNull(),
    level: statusLevelEnum("level"),
    message: text("message"),
  },
  (t) => [index("incident_events_incident").on(t.incidentId, t.at)],
);
export type IncidentEvent = typeof incidentEvents.$inferSelect;

/** Detector state per (service, country) for countries with enough volume of their own. */
export const regionalDetectorState = pgTable(
  "regional_detector_state",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    /** The region a detector watches: an ISO 3166-1 country ("DE") or an ISO 3166-2 subdivision ("US-NY"). */
    country: varchar("country", { length: 6 }).notNull(),
    throughMinute: bigint("through_minute", { mode: "number" }).notNull(),
    state: json("state").notNull(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.country] })],
);

/** Every moderator action, newest last: who could see what changed, and when. */
export const adminAudit = pgTable(
  "admin_audit",
  {
    id: serial("id").primaryKey(),
    at: tstz("at").notNull().defaultNow(),
    action: text("action").notNull(),
    /** What was acted on, e.g. "incident:12", "report:9041", "webhook:3". */
    target: text("target").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** Who acted: the token's owner ("Alice"), or "unknown" for a failed sign-in. Null on rows from before names. */
    actor: text("actor"),
    /** Where from: the client's network block (IPv4 /24, IPv6 /48), never the address itself. */
    source: text("source"),
  },
  (t) => [index("admin_audit_at").on(t.at)],
);

/**
 * Named moderator tokens. Only a SHA-256 of each secret is kept (the secret is 256 random bits, so
 * no slow hash is needed); during a rotation the previous secret stays valid until a deadline so a
 * script can be switched over without a gap.
 */
export const adminTokens = pgTable(
  "admin_tokens",
  {
    id: serial("id").primaryKey(),
    /** Whose token it is, as the audit log names them. */
    name: text("name").notNull(),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    hash: varchar("hash", { length: 64 }).notNull(),
    previousHash: varchar("previous_hash", { length: 64 }),
    previousValidUntil: tstz("previous_valid_until"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    lastUsedAt: tstz("last_used_at"),
    revokedAt: tstz("revoked_at"),
  },
  (t) => [uniqueIndex("admin_tokens_hash").on(t.hash), index("admin_tokens_previous_hash").on(t.previousHash)],
);

export const webhooks = pgTable("webhooks", {
  id: serial("id").primaryKey(),
  url: text("url").notNull(),
  /** Signs every delivery (HMAC-SHA256); shown once, when the webhook is created. */
  secret: text("secret").notNull(),
  events: jsonb("events").$type<WebhookEvent[]>().notNull(),
  /** Only incidents of this service, or all when null. */
  serviceId: integer("service_id").references(() => services.id),
  createdAt: tstz("created_at").notNull().defaultNow(),
  deletedAt: tstz("deleted_at"),
  /** When its deliveries began failing without a success since; null while it works. */
  failingSince: tstz("failing_since"),
  /** Switched off after failing for a day; the reason is shown to its owner. */
  disabledAt: tstz("disabled_at"),
  disabledReason: text("disabled_reason"),
});

/**
 * The outbox and delivery log in one: a row is written in the detector's transaction, so an event
 * is queued exactly when the incident changes, and the dispatcher works through the due rows.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    webhookId: integer("webhook_id")
      .notNull()
      .references(() => webhooks.id),
    event: text("event").notNull(),
    incidentId: integer("incident_id"),
    payload: jsonb("payload").notNull(),
    /** pending → delivered, or failed once the retries are used up. */
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: tstz("next_attempt_at").notNull().defaultNow(),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    deliveredAt: tstz("delivered_at"),
  },
  (t) => [
    index("webhook_deliveries_due")
      .on(t.nextAttemptAt)
      .where(sql`state = 'pending'`),
    index("webhook_deliveries_webhook").on(t.webhookId, t.id),
  ],
);

/** Small server-side settings, e.g. the generated reporter-hash secret when none is configured. */
/**
 * Each UTC day's random salt for the reporter and network hashes. Destroyed once the cooldown and
 * network windows that began under it have passed (lib/reports/salts.ts): from then on no hash made
 * with it can be traced back to an address, whatever else an attacker holds.
 */
export const dailySalts = pgTable("daily_salts", {
  /** UTC days since 1970-01-01. */
  day: integer("day").primaryKey(),
  salt: varchar("salt", { length: 64 }).notNull(),
});

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/**
 * Who asked to hear about which services' incidents, and how (lib/alerts). Rows exist only once a
 * subscription is confirmed: an e-mail address waits in the sealed confirmation link itself, so an
 * address nobody confirmed is never stored. The target (address, push endpoint or webhook URL) is
 * sealed; `target_hash` is a keyed hash of it, so the same target subscribing again updates its row.
 */
export const alertSubscriptions = pgTable(
  "alert_subscriptions",
  {
    id: serial("id").primaryKey(),
    /** email, push, slack, discord, teams or webhook (lib/alerts/channels.ts). */
    channel: varchar("channel", { length: 16 }).notNull(),
    target: text("target").notNull(),
    targetHash: varchar("target_hash", { length: 64 }).notNull(),
    /** Signs generic webhook deliveries (sealed); null for other channels. */
    secret: text("secret"),
    serviceIds: jsonb("service_ids").$type<number[]>().notNull(),
    /** possible: every incident; outage: only incidents that reach an outage. */
    level: varchar("level", { length: 16 }).notNull(),
    /** ISO 3166-1 countries an incident must touch; empty for anywhere. */
    countries: jsonb("countries").$type<string[]>().notNull().default([]),
    /** The language its messages are written in (lib/i18n/locales.ts): the page's it was made from. */
    locale: varchar("locale", { length: 8 }).notNull().default("en"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    /** When a message last went out: the next waits a little, and what piles up meanwhile goes as one digest. */
    lastSentAt: tstz("last_sent_at"),
  },
  (t) => [uniqueIndex("alert_subscriptions_target").on(t.channel, t.targetHash)],
);

/**
 * The alerts outbox: one row per incident change, written in the detector's transaction. The
 * dispatcher fans each out to the matching subscriptions in a transaction of its own, so the tick
 * pays one insert however many people subscribed.
 */
export const alertEvents = pgTable(
  "alert_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    incidentId: integer("incident_id").notNull(),
    /** opened, escalated or resolved. */
    change: varchar("change", { length: 16 }).notNull(),
    /** The incident's level with this change, so "outage only" subscribers hear only of outages. */
    level: statusLevelEnum("level").notNull(),
    at: tstz("at").notNull(),
    fannedAt: tstz("fanned_at"),
  },
  (t) => [
    index("alert_events_pending")
      .on(t.id)
      .where(sql`fanned_at is null`),
  ],
);

/** One message owed to one subscription, and its log: what was sent, when, or why not. */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    subscriptionId: integer("subscription_id")
      .notNull()
      .references(() => alertSubscriptions.id, { onDelete: "cascade" }),
    incidentId: integer("incident_id").notNull(),
    serviceId: integer("service_id").notNull(),
    change: varchar("change", { length: 16 }).notNull(),
    /** When the incident changed, so the delay to sending can be measured. */
    changedAt: tstz("changed_at").notNull(),
    /** pending → sent, failed (retries used up), or skipped (see `note`). */
    state: varchar("state", { length: 16 }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: tstz("next_attempt_at").notNull(),
    sentAt: tstz("sent_at"),
    /** The message's title once sent; for skipped and failed rows, why. */
    note: text("note"),
  },
  (t) => [
    index("alert_deliveries_due")
      .on(t.nextAttemptAt)
      .where(sql`state = 'pending'`),
    index("alert_deliveries_subscription").on(t.subscriptionId, t.id),
  ],
);

/**
 * E-mails kept instead of sent when no SMTP_URL is configured (the demo), for the outbox page.
 * Kept a day.
 */
export const localMail = pgTable(
  "local_mail",
  {
    id: serial("id").primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("local_mail_created").on(t.createdAt)],
);

/**
 * A service's official status page, polled (lib/official). One row per catalog service whose page
 * runs on a platform with a public machine-readable feed; the catalog decides which (db/catalog.ts).
 * The row holds the poll's bookkeeping and the page's last reading.
 */
export const officialSources = pgTable(
  "official_sources",
  {
    serviceId: integer("service_id")
      .primaryKey()
      .references(() => services.id),
    /** statuspage, incidentio, instatus, statusio, slack, gcp, aws or azure (lib/official/platforms.ts). */
    platform: varchar("platform", { length: 16 }).notNull(),
    /** The platform's main feed (lib/official/platforms.ts derives any second one from it). */
    feedUrl: text("feed_url").notNull(),
    /** Backoff is per host: one slow vendor host holds back only its own pages. */
    host: text("host").notNull(),
    /** ETag and Last-Modified per feed URL, for conditional requests. */
    validators: jsonb("validators")
      .$type<Record<string, { etag?: string; lastModified?: string }>>()
      .notNull()
      .default({}),
    nextPollAt: tstz("next_poll_at").notNull().defaultNow(),
    failures: integer("failures").notNull().default(0),
    lastError: text("last_error"),
    /** When a poll last succeeded (a 304 counts): the age shown beside the status. */
    checkedAt: tstz("checked_at"),
    /** operational, degraded, major or maintenance; null until the first good poll. */
    status: varchar("status", { length: 16 }),
    description: text("description"),
    components: jsonb("components").$type<{ name: string; status: string }[]>().notNull().default([]),
  },
  (t) => [index("official_sources_due").on(t.nextPollAt)],
);

/**
 * Incidents the vendors published on their own pages. `posted_at` is when the page first said so
 * (what "who was first" compares with); `started_at` is the start the vendor claims, often earlier.
 */
export const officialIncidents = pgTable(
  "official_incidents",
  {
    id: serial("id").primaryKey(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    externalId: text("external_id").notNull(),
    title: text("title").notNull(),
    /** minor, major or critical; maintenance for planned work (never scored). */
    impact: varchar("impact", { length: 16 }).notNull(),
    url: text("url"),
    startedAt: tstz("started_at").notNull(),
    postedAt: tstz("posted_at").notNull(),
    resolvedAt: tstz("resolved_at"),
    updatedAt: tstz("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("official_incidents_external").on(t.serviceId, t.externalId),
    index("official_incidents_service_posted").on(t.serviceId, t.postedAt),
  ],
);
export type OfficialIncident = typeof officialIncidents.$inferSelect;

/**
 * Several services breaking at once because of one upstream they share (db/upstreams.ts): opened
 * by the detector's tick (lib/upstreams/tick.ts), with the evidence it saw.
 */
export const upstreamEvents = pgTable(
  "upstream_events",
  {
    id: serial("id").primaryKey(),
    /** The upstream's key in db/upstreams.ts, which is also its catalog slug. */
    upstream: varchar("upstream", { length: 64 }).notNull(),
    startedAt: tstz("started_at").notNull(),
    endedAt: tstz("ended_at"),
    /** The dependents that broke with it, each with its incident. */
    members: jsonb("members").$type<{ serviceId: number; incidentId: number; startedAt: string }[]>().notNull(),
    /** The upstream's official status when it last showed trouble while this lasted. */
    official: jsonb("official").$type<{ status: string; title: string | null; at: string } | null>(),
    /** The upstream's own users reported an incident while this lasted. */
    crowdIncidentId: integer("crowd_incident_id"),
    updatedAt: tstz("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("upstream_events_one_open")
      .on(t.upstream)
      .where(sql`ended_at is null`),
    index("upstream_events_start").on(t.startedAt),
  ],
);
export type UpstreamEvent = typeof upstreamEvents.$inferSelect;

/**
 * Counted reports per network operator and hour, folded by the tick from the reports: how much of
 * everyone's reporting each network usually sends (lib/isp).
 */
export const networkHours = pgTable(
  "network_hours",
  {
    hour: tstz("hour").notNull(),
    asn: bigint("asn", { mode: "number" }).notNull(),
    reporters: integer("reporters").notNull(),
    /** Of those, reports from a network block new to their service (`reports.new_network`). */
    networks: integer("networks").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.hour, t.asn] }), index("network_hours_asn").on(t.asn, t.hour)],
);

/** Network operators' names, for their pages: written when one is first seen in an incident. */
export const networks = pgTable("networks", {
  asn: bigint("asn", { mode: "number" }).primaryKey(),
  name: text("name").notNull(),
});

/**
 * Reports for many unrelated services concentrating on one network operator while others report as
 * usual: a problem with that network, not with the services (lib/isp/tick.ts).
 */
export const ispIncidents = pgTable(
  "isp_incidents",
  {
    id: serial("id").primaryKey(),
    asn: bigint("asn", { mode: "number" }).notNull(),
    startedAt: tstz("started_at").notNull(),
    endedAt: tstz("ended_at"),
    /** Services its users reported while it lasted. */
    serviceIds: jsonb("service_ids").$type<number[]>().notNull(),
    /** Most of its users reporting in one 30-minute window, and how many the network usually sends then. */
    peakReporters: integer("peak_reporters").notNull(),
    expected: doublePrecision("expected").notNull(),
    updatedAt: tstz("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("isp_incidents_one_open")
      .on(t.asn)
      .where(sql`ended_at is null`),
    index("isp_incidents_start").on(t.startedAt),
  ],
);
export type IspIncident = typeof ispIncidents.$inferSelect;

/** Each network's counted reports over the history in network_hours, summed once an hour (lib/isp/tick.ts). */
export const networkShares = pgTable("network_shares", {
  asn: bigint("asn", { mode: "number" }).primaryKey(),
  reporters: integer("reporters").notNull(),
  networks: integer("networks").notNull().default(0),
  /**
   * How far this operator's customers sit behind shared addresses: 1 − its new networks per reporter
   * relative to everyone's (shrunk toward everyone's while it has few reports), between 0 and
   * SHARED_MAX. Ingest adds it per counted report to the rollups' `shared`; the detector asks fewer
   * new networks of such a crowd (lib/detection, `Minute.shared`).
   */
  shared: real("shared").notNull().default(0),
});
