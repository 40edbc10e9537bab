import { SERVICE_WORKER_URL } from "@/lib/pwa/paths";

/**
 * Asks the browser for a push subscription with our VAPID key (registering the site's service
 * worker); the subscription as JSON, or why not in words.
 */
export async function browserPushSubscription(vapidKey: string): Promise<PushSubscriptionJSON | string> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window))
    return "This browser cannot show notifications from websites. Choose e-mail or a chat channel instead.";
  const permission = await Notification.requestPermission();
  if (permission !== "granted")
    return "Notifications are blocked for this site. Allow them in your browser's site settings, or choose another channel.";
  try {
    const registration = await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" });
    await navigator.serviceWorker.ready;
    const existing = await registration.pushManager.getSubscription();
    const subscription =
      existing ??
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: Uint8Array.from(atob(vapidKey.replace(/-/g, "+").replace(/_/g, "/")), (c) =>
          c.charCodeAt(0),
        ),
      }));
    return subscription.toJSON();
  } catch {
    return "The browser could not set up notifications just now. Please try again, or choose another channel.";
  }
}
