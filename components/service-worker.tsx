"use client";

import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";
import { SERVICE_WORKER_URL, STATUS_PAGE } from "@/lib/pwa/paths";

/**
 * Registers the site's service worker (lib/pwa/service-worker.js) and, on a service's status page it
 * did not serve itself (the first visit, or a move within the site, which fetches no page), asks it
 * to keep a copy, so the page is readable offline later.
 */
export function ServiceWorker() {
  const pathname = usePathname();
  const first = useRef(true);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const register = () =>
      void navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" }).catch(() => {
        // Without it the site works as before, only not offline.
      });
    // Installing the worker fetches and runs its script and starts it caching: once the page has
    // loaded and the main thread is idle, so that work does not compete with the page's own start-up
    // for the network and a phone's cores (on this machine's two cores it lengthened hydration).
    const whenIdle = () =>
      "requestIdleCallback" in window ? requestIdleCallback(register, { timeout: 3000 }) : setTimeout(register, 1000);
    if (document.readyState === "complete") whenIdle();
    else window.addEventListener("load", whenIdle, { once: true });
    return () => window.removeEventListener("load", whenIdle);
  }, []);

  useEffect(() => {
    const servedByWorker = first.current && navigator.serviceWorker?.controller;
    first.current = false;
    if (!("serviceWorker" in navigator) || servedByWorker || !STATUS_PAGE.test(pathname)) return;
    void navigator.serviceWorker.ready.then((registration) =>
      registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [pathname] } }),
    );
  }, [pathname]);

  return null;
}
