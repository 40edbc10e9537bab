import { createStore, del, entries, set, type UseStore } from "idb-keyval";
import { REPORTS_PATH } from "@/lib/api/paths";

/**
 * Reports made without a connection, kept in the browser (IndexedDB) until they can be sent. Each
 * keeps the Idempotency-Key its form chose, so however many times it is sent (a page closed
 * mid-send, two tabs, an answer lost on the way back) it is stored and counted once.
 */
export interface QueuedReport {
  key: string;
  /** As the JSON API takes it, `website` being the form's honeypot. */
  body: { service: string; symptom: string; country: string; subdivision?: string; text?: string; website?: string };
  serviceName: string;
  /** When it was made, in ms since the epoch: it is sent, and so dated by the server, later. */
  queuedAt: number;
}

export interface SendResult {
  sent: QueuedReport[];
  /** Refused for good (the service left the catalog, a field no longer valid): kept no longer. */
  refused: { report: QueuedReport; message: string }[];
  /** Still queued: the connection is not back yet, or the server asked to try later. */
  waiting: number;
}

/**
 * Fired on window whenever the queue changes, so whatever shows it can read it again; after a send,
 * a CustomEvent whose detail is the SendResult.
 */
export const QUEUE_CHANGED = "outage-radar:queued-reports";

/** What became of the reports this page sent, by key: for a form that learns of it late. */
const outcomes = new Map<string, "sent" | "refused">();
export const sentFromHere = (key: string) => outcomes.get(key) === "sent";

let store: UseStore | undefined;
const queue = () => (store ??= createStore("outage-radar", "queued-reports"));

export async function queueReport(report: QueuedReport): Promise<void> {
  await set(report.key, report, queue());
  window.dispatchEvent(new Event(QUEUE_CHANGED));
}

export async function queuedReports(): Promise<QueuedReport[]> {
  const all = await entries<string, QueuedReport>(queue());
  return all.map(([, report]) => report).sort((a, b) => a.queuedAt - b.queuedAt);
}

/** Statuses that mean "not now" rather than "never": the same request may succeed later. */
const tryLater = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/**
 * Sends every queued report, oldest first, and stops at the first that cannot go yet. One tab at a
 * time sends (a Web Lock); a second drain that slips through is harmless, as the keys make it so.
 */
export async function sendQueued(): Promise<SendResult> {
  const drain = async (): Promise<SendResult> => {
    const result: SendResult = { sent: [], refused: [], waiting: 0 };
    const reports = await queuedReports();
    for (const [i, report] of reports.entries()) {
      let response: Response;
      try {
        response = await fetch(REPORTS_PATH, {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": report.key },
          body: JSON.stringify(report.body),
        });
      } catch {
        result.waiting = reports.length - i;
        break;
      }
      if (tryLater(response.status)) {
        result.waiting = reports.length - i;
        break;
      }
      if (response.ok) result.sent.push(report);
      else result.refused.push({ report, message: await refusal(response) });
      outcomes.set(report.key, response.ok ? "sent" : "refused");
      await del(report.key, queue());
    }
    if (result.sent.length || result.refused.length) {
      window.dispatchEvent(new CustomEvent<SendResult>(QUEUE_CHANGED, { detail: result }));
    }
    return result;
  };
  return navigator.locks ? navigator.locks.request("outage-radar:send-queued-reports", drain) : drain();
}

async function refusal(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not the API's JSON: say what the status says.
  }
  return `the server refused it (HTTP ${response.status})`;
}

/** A fresh key for one report; randomUUID needs a secure context, which a self-hosted http:// site may not be. */
export function newReportKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The report form's fields as the JSON API takes them; empty optional fields are left out, as the form's are. */
export function reportFromForm(form: FormData, serviceName: string, now = Date.now()): QueuedReport {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  const body: QueuedReport["body"] = {
    service: field("service") ?? "",
    symptom: field("symptom") ?? "",
    country: field("country") ?? "",
  };
  for (const optional of ["subdivision", "text", "website"] as const) {
    const value = field(optional);
    if (value !== undefined) Object.assign(body, { [optional]: value });
  }
  return { key: field("idempotencyKey") ?? newReportKey(), body, serviceName, queuedAt: now };
}
