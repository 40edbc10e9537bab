import { SERVICE_WORKER_URL } from "@/lib/pwa/paths";

/** Why a browser gave no push subscription (the form says each in words, as the "Subscribe.push" messages). */
export type PushProblem = "unsupported" | "blocked" | "failed";

/**
 * Asks the browser for a push subscription with our VAPID key (registering the site's service
 * worker); the subscription as JSON, or why not.
 */
export async function browserPushSubscription(vapidKey: string): Promise<PushSubscriptionJSON | PushProblem> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window)) return "unsupported";
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return "blocked";
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
    return "failed";
  }
}
