"use client";

import { useSyncExternalStore } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatAge } from "@/lib/text/format";
import styles from "./offline-age.module.css";

const TICK = 30_000;

function subscribeOnline(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

function subscribeClock(onChange: () => void) {
  const timer = setInterval(onChange, TICK);
  return () => clearInterval(timer);
}

/** Offline, says how old the status on screen is: the page may be the copy kept from an earlier visit. */
export function OfflineAge({ generatedAt }: { generatedAt: string }) {
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
  // Online (nearly always) nothing else is read: the clock below would re-render this after hydration.
  return online ? null : <Age generatedAt={generatedAt} />;
}

function Age({ generatedAt }: { generatedAt: string }) {
  const t = useTranslations("Offline");
  const locale = useLocale();
  const now = useSyncExternalStore(
    subscribeClock,
    () => Math.floor(Date.now() / TICK) * TICK,
    () => 0,
  );
  return (
    <p role="status" className={styles.offline} data-testid="offline-age">
      {t.rich("age", {
        age: formatAge(now - Date.parse(generatedAt), locale),
        strong: (chunks) => <strong>{chunks}</strong>,
      })}
    </p>
  );
}
