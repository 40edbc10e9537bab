"use client";

import { useEffect, useState } from "react";
import { QUEUE_CHANGED, queuedReports, sendQueued, type QueuedReport, type SendResult } from "@/lib/pwa/report-queue";
import { formatLocalTime } from "@/lib/text/format";
import { useLocale, useTranslations } from "next-intl";
import styles from "./queued-reports.module.css";

/** While reports wait in the queue, how often to try the server again (the browser may think it is online). */
const RETRY_MS = 30_000;

type Translate = ReturnType<typeof useTranslations<"Offline">>;

function outcomes(result: SendResult, t: Translate, locale: string): string[] {
  const madeAt = (report: QueuedReport) => formatLocalTime(new Date(report.queuedAt).toISOString(), false, locale);
  return [
    ...result.sent.map((r) => t("sent", { name: r.serviceName, time: madeAt(r) })),
    ...result.refused.map(({ report: r, message }) => t("refused", { name: r.serviceName, time: madeAt(r), message })),
  ];
}

/**
 * On every page: sends the reports made offline once the connection is back (lib/pwa/report-queue.ts),
 * says how many still wait, and what became of those sent.
 */
export function QueuedReports() {
  const [waiting, setWaiting] = useState<QueuedReport[]>([]);
  const [said, setSaid] = useState<string[]>([]);
  const t = useTranslations("Offline");
  const locale = useLocale();

  useEffect(() => {
    if (!("indexedDB" in window)) return;
    let live = true;
    const update = async () => {
      try {
        if (navigator.onLine) {
          const result = await sendQueued();
          const news = outcomes(result, t, locale);
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
  }, [t, locale]);

  return (
    <div role="status" className={styles.queue} data-testid="queued-reports">
      {waiting.length ? (
        <p className={styles.line}>
          {waiting.length === 1
            ? t("waitingOne", { name: waiting[0]!.serviceName })
            : t("waitingMany", { count: waiting.length })}
        </p>
      ) : null}
      {said.map((text, i) => (
        <p className={styles.line} key={i}>
          {text}
        </p>
      ))}
      {said.length ? (
        <button type="button" className={styles.dismiss} onClick={() => setSaid([])}>
          {t("dismiss")}
        </button>
      ) : null}
    </div>
  );
}
