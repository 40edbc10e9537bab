"use client";

import { useEffect, useState } from "react";
import { QUEUE_CHANGED, queuedReports, sendQueued, type QueuedReport, type SendResult } from "@/lib/pwa/report-queue";
import { formatLocalTime } from "@/lib/text/format";
import styles from "./queued-reports.module.css";

/** While reports wait in the queue, how often to try the server again (the browser may think it is online). */
const RETRY_MS = 30_000;

const madeAt = (report: QueuedReport) => formatLocalTime(new Date(report.queuedAt).toISOString());

function outcomes(result: SendResult): string[] {
  return [
    ...result.sent.map((r) => `Your report about ${r.serviceName}, made offline at ${madeAt(r)}, has been sent.`),
    ...result.refused.map(
      ({ report: r, message }) =>
        `Your report about ${r.serviceName}, made offline at ${madeAt(r)}, could not be sent: ${message}.`,
    ),
  ];
}

/**
 * On every page: sends the reports made offline once the connection is back (lib/pwa/report-queue.ts),
 * says how many still wait, and what became of those sent.
 */
export function QueuedReports() {
  const [waiting, setWaiting] = useState<QueuedReport[]>([]);
  const [said, setSaid] = useState<string[]>([]);

  useEffect(() => {
    if (!("indexedDB" in window)) return;
    let live = true;
    const update = async () => {
      try {
        if (navigator.onLine) {
          const result = await sendQueued();
          const news = outcomes(result);
          if (live && news.length) setSaid((before) => [...before, ...news]);
        }
        const left = await queuedReports();
        if (live) setWaiting(left);
      } catch {
        // Storage refused (private mode, quota): the form said so when the report was made.
      }
    };
    void update();
    window.addEventListener("online", update);
    window.addEventListener(QUEUE_CHANGED, update);
    const timer = setInterval(() => void update(), RETRY_MS);
    return () => {
      live = false;
      window.removeEventListener("online", update);
      window.removeEventListener(QUEUE_CHANGED, update);
      clearInterval(timer);
    };
  }, []);

  return (
    <div role="status" className={styles.queue} data-testid="queued-reports">
      {waiting.length ? (
        <p className={styles.line}>
          {waiting.length === 1
            ? `Your report about ${waiting[0]!.serviceName} is saved on this device`
            : `${waiting.length} reports are saved on this device`}{" "}
          and will be sent when you are back online.
        </p>
      ) : null}
      {said.map((text, i) => (
        <p className={styles.line} key={i}>
          {text}
        </p>
      ))}
      {said.length ? (
        <button type="button" className={styles.dismiss} onClick={() => setSaid([])}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
