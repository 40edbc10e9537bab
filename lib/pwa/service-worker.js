// Outage Radar's service worker, served at /serwist/sw.js. Offline, the status pages a visitor has
// looked at stay readable (each says how old it is), with the scripts and styles they used; and it
// shows pushed alerts while no tab of the site is open.
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist } from "serwist";
import { STATUS_PAGE } from "./paths";

const DAY = 24 * 60 * 60;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // A status page: the network's answer while there is one, the last one seen when there is not.
      // (Not the data Next.js fetches for in-app navigation, which carries an RSC header.)
      matcher: ({ request, url }) =>
        url.origin === self.location.origin &&
        STATUS_PAGE.test(url.pathname) &&
        !url.searchParams.has("_rsc") &&
        !request.headers.has("RSC"),
      handler: new NetworkFirst({
        cacheName: "statuses",
        networkTimeoutSeconds: 4,
        plugins: [new ExpirationPlugin({ maxEntries: 20, maxAgeSeconds: 7 * DAY })],
      }),
    },
    {
      // Build files never change under the same name.
      matcher: ({ url }) => url.origin === self.location.origin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "build",
        plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * DAY })],
      }),
    },
  ],
});
serwist.addEventListeners();

self.addEventListener("push", (event) => {
  let alert = { title: "Outage Radar", body: "", url: "/" };
  try {
    alert = { ...alert, ...event.data.json() };
  } catch {
    // A push without a readable payload still tells the person something happened.
  }
  event.waitUntil(
    self.registration.showNotification(alert.title, {
      body: alert.body,
      icon: "/icons/icon-192.png",
      tag: alert.url,
      data: { url: alert.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? "/", self.location.origin);
  // Only our own pages: a payload can never send the person elsewhere.
  const target = url.origin === self.location.origin ? url.href : self.location.origin;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((tabs) => {
      const open = tabs.find((tab) => tab.url === target);
      return open ? open.focus() : self.clients.openWindow(target);
    }),
  );
});
