import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import { CATEGORY_SLUGS } from "@/lib/catalog/constants";
import type { Scope } from "@/lib/admin/actor";
import { auditEntrySchema } from "@/lib/admin/audit";
import * as tokens from "@/lib/admin/tokens";
import { REPORTS_PATH } from "./paths";
import { ROW_ID_MAX } from "@/lib/http/path-id";
import { errorSchema } from "@/lib/http/responses";
import * as incidents from "@/lib/incidents/schemas";
import { locationGuessSchema, regionSchema } from "@/lib/regions/schemas";
import * as reports from "@/lib/reports/schemas";
import * as services from "@/lib/services/schemas";
import * as webhooks from "@/lib/webhooks/schemas";
import * as alerts from "@/lib/alerts/schemas";
import { serviceChangeSchema, tickEventSchema } from "@/lib/live/changes";

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const error = (description: string) => json(errorSchema, description);
const slugParam = { path: z.object({ slug: z.string().meta({ example: "tiktok" }) }) };
const idParam = { path: z.object({ id: z.coerce.number().int().positive().max(ROW_ID_MAX) }) };
const admin = (scope: Scope): Partial<ZodOpenApiOperationObject> => ({
  security: [{ adminToken: [] }],
  tags: ["Administration"],
  description: `Needs a token with the "${scope}" scope.`,
});
const adminErrors = {
  "401": error("Missing, wrong, revoked or replaced token"),
  "403": error("The token lacks the scope, or administration is off (no ADMIN_TOKEN and no token issued)"),
  "429": error("Too many failed sign-ins from this network; see Retry-After"),
};
/** An event stream; the events' data are JSON of `schema`. */
const eventStream = (schema: z.ZodType, description: string) => ({
  description,
  content: { "text/event-stream": { schema } },
});
const lastEventId = {
  header: z.object({
    "last-event-id": z
      .string()
      .optional()
      .meta({ description: "The id of the last event heard (sent by browsers when they reconnect)" }),
  }),
  query: z.object({
    lastEventId: z.coerce
      .number()
      .int()
      .optional()
      .meta({ description: "When the page was drawn (epoch ms): a change announced since is sent at once" }),
  }),
};
const body = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

/** The OpenAPI 3.1 document of API v1, generated from the same zod schemas the code uses. */
export function openApiDocument(serverUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Outage Radar API",
      version: "1.0.0",
      description:
        "Crowd reports of service problems, the detector's verdicts and the history of incidents. Reads are open; " +
        "administration needs the instance's admin token.",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        adminToken: {
          type: "http",
          scheme: "bearer",
          description: "A named token (ort_…) issued through /api/v1/admin/tokens, or the bootstrap ADMIN_TOKEN",
        },
      },
    },
    paths: {
      "/api/v1/openapi.json": {
        get: {
          summary: "This document",
          tags: ["About the API"],
          responses: { "200": { description: "The OpenAPI 3.1 description of API v1" } },
        },
      },
      "/api/v1/services": {
        get: {
          summary: "Every service with its current status",
          tags: ["Services"],
          responses: { "200": json(z.array(services.serviceListItemSchema), "The catalog, most troubled first") },
        },
      },
      "/api/v1/services/{slug}": {
        get: {
          summary: "One service's current status",
          tags: ["Services"],
          requestParams: slugParam,
          responses: { "200": json(services.serviceStatusSchema, "Status now"), "404": error("No such service") },
        },
      },
      "/api/v1/services/{slug}/series": {
        get: {
          summary: "Reports over the last 24 hours in 15-minute buckets, with the usual and alarm levels",
          tags: ["Services"],
          requestParams: slugParam,
          responses: {
            "200": json(services.seriesSchema, "The series, oldest first"),
            "404": error("No such service"),
          },
        },
      },
      "/api/v1/services/{slug}/snapshot": {
        get: {
          summary: "Everything a service page shows live: status, chart, symptoms, incidents and comments",
          description:
            "What every open service page fetches when its event stream announces a change (or every 10 seconds " +
            "without one); may be a few seconds old.",
          tags: ["Services"],
          requestParams: slugParam,
          responses: { "200": json(services.serviceSnapshotSchema, "The live view"), "404": error("No such service") },
        },
      },
      "/api/v1/services/{slug}/events": {
        get: {
          summary: "The service's changes as they happen (Server-Sent Events)",
          description:
            'A "status" event each time a detector tick changes something about the service (new reports or a new ' +
            "level), with its level now and the tick's minute; fetch the snapshot for the rest. Comments every 25 s " +
            "keep the stream open; each event's id lets a reconnecting client be sent the latest change it missed.",
          tags: ["Services"],
          requestParams: { ...slugParam, ...lastEventId },
          responses: {
            "200": eventStream(serviceChangeSchema, 'A stream of "status" events'),
            "404": error("No such service"),
          },
        },
      },
      "/api/v1/events": {
        get: {
          summary: "Every service's changes, once per detector tick (Server-Sent Events)",
          description:
            'A "tick" event each time a detector tick changes anything: how many services have something new, and ' +
            "those whose level moved.",
          tags: ["Services"],
          requestParams: lastEventId,
          responses: { "200": eventStream(tickEventSchema, 'A stream of "tick" events') },
        },
      },
      "/api/v1/services/{slug}/reports": {
        get: {
          summary:
            "The newest counted reports that came with a text (one per person per cooldown; repeats, held-back floods and hidden texts left out)",
          tags: ["Reports"],
          requestParams: {
            ...slugParam,
            query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20).optional() }),
          },
          responses: {
            "200": json(z.array(reports.reportTextSchema), "Newest first"),
            "404": error("No such service"),
          },
        },
      },
      "/api/v1/services/{slug}/export.csv": {
        get: {
          summary: "15-minute counts per country, as CSV; cells under the privacy minimum are left out",
          tags: ["Services"],
          requestParams: {
            ...slugParam,
            query: z.object({
              from: z.iso.date().meta({ description: "First UTC day" }),
              to: z.iso.date().meta({ description: "Last UTC day (31 days at most after from)" }),
            }),
          },
          responses: {
            "200": {
              description: "bucket_start,country,reports,reporters",
              content: { "text/csv": { schema: z.string() } },
            },
            "400": error("Bad or too long date range"),
            "404": error("No such service"),
          },
        },
      },
      "/api/v1/subscriptions": {
        post: {
          summary: "Subscribe to alerts about services' incidents (e-mail, Web Push or a chat webhook)",
          description:
            "No account: the answer (or, for e-mail, the confirmation) carries a manage link. E-mail gets a " +
            "confirmation link and nothing else until it is used (it works for 24 hours); chat webhooks and push " +
            "subscriptions get a test message first and are refused if it fails. Limited per network and per address.",
          tags: ["Alerts"],
          requestBody: body(alerts.subscriptionRequestSchema),
          responses: {
            "202": json(alerts.subscriptionAcceptedSchema, "E-mail: the confirmation was sent"),
            "201": json(alerts.subscriptionAcceptedSchema, "Chat or push: subscribed after a test message"),
            "400": error("A field is wrong, or the test message was not accepted"),
            "429": error("Too many requests from this network or for this address; see Retry-After"),
            "503": error("The confirmation e-mail could not be sent, or this server sends no e-mail"),
          },
        },
      },
      "/api/v1/subscriptions/confirm": {
        post: {
          summary: "Confirm an e-mail subscription with its link's token",
          tags: ["Alerts"],
          requestBody: body(alerts.confirmInputSchema),
          responses: {
            "201": json(alerts.subscriptionConfirmedSchema, "Subscribed; the address is stored from now on"),
            "404": error("Not a token of ours"),
            "410": error("The link expired (after 24 hours)"),
          },
        },
      },
      "/api/v1/subscriptions/{token}": {
        get: {
          summary: "A subscription and its newest deliveries, by its manage token",
          tags: ["Alerts"],
          requestParams: { path: z.object({ token: z.string() }) },
          responses: {
            "200": json(alerts.subscriptionViewSchema, "The subscription"),
            "404": error("No such subscription"),
          },
        },
        delete: {
          summary: "Unsubscribe, forgetting the address and the delivery log",
          tags: ["Alerts"],
          requestParams: { path: z.object({ token: z.string() }) },
          responses: { "204": { description: "Unsubscribed" }, "404": error("No such subscription") },
        },
      },
      "/api/v1/subscriptions/{token}/unsubscribe": {
        post: {
          summary: "One-click unsubscribe (RFC 8058), as alert e-mails' List-Unsubscribe header gives it",
          tags: ["Alerts"],
          requestParams: { path: z.object({ token: z.string() }) },
          responses: { "200": { description: "Unsubscribed" }, "404": error("No such subscription") },
        },
      },
      [REPORTS_PATH]: {
        post: {
          summary: "Report a problem",
          tags: ["Reports"],
          requestParams: {
            header: z.object({
              "idempotency-key": z.string().regex(reports.IDEMPOTENCY_KEY_PATTERN).optional().meta({
                description:
                  "A retry with the same key and the same report is stored once and gets the first answer; the same key with a different report is refused (422)",
              }),
            }),
          },
          requestBody: body(reports.reportInputDoc),
          responses: {
            "201": json(reports.reportAcceptedSchema, "Stored durably"),
            "400": error("Invalid report; the issues name each field"),
            "413": error("Body too large"),
            "415": error("Not JSON"),
            "422": error("The Idempotency-Key was already used for a different report; nothing was stored"),
            "429": error("Too many reports from this address or network; nothing was stored, retry after Retry-After"),
            "503": error("Overloaded or restarting; nothing was stored, retry after Retry-After"),
          },
        },
      },
      "/api/v1/incidents": {
        get: {
          summary: "Incidents, newest first",
          tags: ["Incidents"],
          requestParams: {
            query: z.object({
              service: z.string().optional(),
              category: z.enum(CATEGORY_SLUGS).optional(),
              level: z.enum(["possible", "outage"]).optional(),
              from: z.iso.date().optional().meta({ description: "Started on or after this UTC day" }),
              to: z.iso.date().optional().meta({ description: "Started on or before this UTC day" }),
              page: z.coerce.number().int().min(1).max(10_000).optional(),
            }),
          },
          responses: { "200": json(incidents.incidentListSchema, "One page of 20") },
        },
      },
      "/api/v1/incidents/{id}": {
        get: {
          summary: "The whole story of one incident",
          tags: ["Incidents"],
          requestParams: idParam,
          responses: {
            "200": json(incidents.incidentDetailSchema, "The incident, its chart and its timeline"),
            "308": { description: "Merged into another incident; Location names it" },
            "404": error("No such incident"),
          },
        },
      },
      "/api/v1/regions/{country}": {
        get: {
          summary: "ISO 3166-2 subdivisions of a country",
          tags: ["Regions"],
          requestParams: { path: z.object({ country: z.string().length(2).meta({ example: "DE" }) }) },
          responses: { "200": json(z.array(regionSchema), "Subdivisions"), "404": error("No such country") },
        },
      },
      "/api/v1/location": {
        get: {
          summary: "Where we think you are",
          description:
            "The report form's first guess: from the caller's address (an offline database, in memory; the address is not kept), else the edge's country header, else Accept-Language. Private, never cached.",
          tags: ["Regions"],
          responses: { "200": json(locationGuessSchema, "The guess") },
        },
      },
      "/api/v1/admin/incidents/{id}": {
        patch: {
          ...admin("moderate"),
          summary: "Set an incident's cause",
          requestParams: idParam,
          requestBody: body(incidents.incidentPatchInput),
          responses: {
            "204": { description: "Set, and noted in the timeline" },
            "400": error("Invalid body"),
            "404": error("No such incident"),
            "409": error("The incident was merged"),
            ...adminErrors,
          },
        },
      },
      "/api/v1/admin/incidents/{id}/updates": {
        post: {
          ...admin("moderate"),
          summary: "Post an official update from the company to an incident's timeline",
          requestParams: idParam,
          requestBody: body(incidents.officialUpdateInput),
          responses: {
            "201": json(z.object({ eventId: z.int() }), "Posted"),
            "400": error("Invalid body"),
            "404": error("No such incident"),
            "409": error("The incident was merged"),
            ...adminErrors,
          },
        },
      },
      "/api/v1/admin/incidents/{id}/merge": {
        post: {
          ...admin("moderate"),
          summary: "Merge this (ended) incident into another incident of the same service",
          requestParams: idParam,
          requestBody: body(incidents.mergeInput),
          responses: {
            "204": { description: "Merged" },
            "400": error("Invalid body"),
            "404": error("No such incident"),
            "409": error("Different services, still open, or already merged"),
            ...adminErrors,
          },
        },
      },
      "/api/v1/admin/incidents/{id}/split": {
        post: {
          ...admin("moderate"),
          summary: "Split an ended incident in two at an instant (two outages the detector joined)",
          requestParams: idParam,
          requestBody: body(incidents.splitInput),
          responses: {
            "201": json(z.object({ id: z.int() }), "The new incident, from the instant to the old end"),
            "400": error("Invalid body, or the instant is not inside the incident"),
            "404": error("No such incident"),
            "409": error("Still open, or merged"),
            ...adminErrors,
          },
        },
      },
      "/api/v1/admin/tokens": {
        get: {
          ...admin("tokens"),
          summary: "The tokens that still work (never their secrets)",
          responses: { "200": json(z.array(tokens.tokenViewSchema), "Tokens, oldest first"), ...adminErrors },
        },
        post: {
          ...admin("tokens"),
          summary: "Issue a named token with scopes; the answer holds its secret, shown only this once",
          requestBody: body(tokens.tokenInputSchema),
          responses: {
            "201": json(tokens.tokenViewSchema.extend({ token: z.string() }), "Issued"),
            "400": error("Invalid body"),
            ...adminErrors,
          },
        },
      },
      "/api/v1/admin/tokens/{id}": {
        delete: {
          ...admin("tokens"),
          summary: "Revoke a token (its current and any previous secret)",
          requestParams: idParam,
          responses: { "204": { description: "Revoked" }, "404": error("No such token"), ...adminErrors },
        },
      },
      "/api/v1/admin/tokens/{id}/rotate": {
        post: {
          ...admin("tokens"),
          summary: "Give a token a new secret; the old one keeps working for graceHours (default 24)",
          requestParams: idParam,
          requestBody: body(tokens.rotateInputSchema),
          responses: {
            "200": json(tokens.tokenViewSchema.extend({ token: z.string() }), "The new secret"),
            "400": error("Invalid body"),
            "404": error("No such token"),
            ...adminErrors,
          },
        },
      },
      "/api/v1/admin/reports/{id}": {
        patch: {
          ...admin("moderate"),
          summary: "Hide (or show again) a report's text",
          requestParams: idParam,
          requestBody: body(reports.reportPatchInput),
          responses: {
            "204": { description: "Done" },
            "400": error("Invalid body"),
            "404": error("No such report"),
            "409": error("The report has no text"),
            ...adminErrors,
          },
        },
      },
      "/api/v1/admin/audit": {
        get: {
          ...admin("read"),
          summary: "The audit log of admin actions, newest first",
          requestParams: {
            query: z.object({
              before: z.coerce
                .number()
                .int()
                .positive()
                .max(ROW_ID_MAX)
                .optional()
                .meta({ description: "Page: ids below this" }),
            }),
          },
          responses: { "200": json(z.array(auditEntrySchema), "Up to 100 entries"), ...adminErrors },
        },
      },
      "/api/v1/admin/webhooks": {
        get: {
          ...admin("read"),
          summary: "Registered webhooks",
          responses: { "200": json(z.array(webhooks.webhookSchema), "Webhooks"), ...adminErrors },
        },
        post: {
          ...admin("webhooks"),
          summary: "Register a webhook for incident events",
          description:
            "Each delivery is a POST with a JSON body, signed in the Outage-Radar-Signature header: " +
            't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret>. Failed deliveries are ' +
            "retried with backoff (30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h).",
          requestBody: body(webhooks.webhookInputSchema),
          responses: {
            "201": json(webhooks.webhookCreatedSchema, "Registered; the secret is shown only now"),
            "400": error("Invalid body"),
            ...adminErrors,
          },
        },
      },
      "/api/v1/admin/webhooks/{id}": {
        delete: {
          ...admin("webhooks"),
          summary: "Stop a webhook (its delivery log is kept)",
          requestParams: idParam,
          responses: { "204": { description: "Stopped" }, "404": error("No such webhook"), ...adminErrors },
        },
      },
      "/api/v1/admin/webhooks/{id}/enable": {
        post: {
          ...admin("webhooks"),
          summary: "Switch a webhook that was turned off for failing back on",
          requestParams: idParam,
          responses: {
            "204": { description: "On again" },
            "404": error("No such webhook"),
            "409": error("It is not switched off"),
            ...adminErrors,
          },
        },
      },
      "/api/v1/admin/webhooks/{id}/deliveries": {
        get: {
          ...admin("read"),
          summary: "A webhook's delivery log, newest first",
          requestParams: idParam,
          responses: {
            "200": json(z.array(webhooks.deliverySchema), "Up to 100 deliveries"),
            "404": error("No such webhook"),
            ...adminErrors,
          },
        },
      },
      "/api/v1/admin/webhooks/{id}/test": {
        post: {
          ...admin("webhooks"),
          summary: "Queue a signed ping to the webhook",
          requestParams: idParam,
          responses: {
            "202": json(z.object({ deliveryId: z.int() }), "Queued"),
            "404": error("No such webhook"),
            ...adminErrors,
          },
        },
      },
    },
  });
}
