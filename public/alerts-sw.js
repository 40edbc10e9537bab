// Outage Radar's alerts service worker: shows each pushed alert and opens its page when clicked.
// It caches nothing; it exists only to receive pushes while no tab of the site is open.

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
      icon: "/icon.svg",
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
