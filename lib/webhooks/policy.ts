import "server-only";
import { config } from "@/lib/config";
import type { TargetPolicy } from "./send";

/** Where this deployment lets webhooks point (WEBHOOK_ALLOW_INSECURE is for development and tests). */
export const webhookPolicy = (): TargetPolicy => ({ allowInsecure: config().WEBHOOK_ALLOW_INSECURE === "on" });
