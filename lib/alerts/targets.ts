import { targetProblem, type TargetPolicy } from "@/lib/webhooks/send";
import type { ChatChannel } from "./schemas";

/** Where each platform's incoming webhooks live, so a pasted URL of the wrong kind is caught at once. */
const CHAT_HOSTS: Record<Exclude<ChatChannel, "webhook">, { name: string; hosts: RegExp; example: string }> = {
  slack: { name: "Slack", hosts: /^hooks\.slack\.com$/, example: "https://hooks.slack.com/services/…" },
  discord: { name: "Discord", hosts: /^(discord|discordapp)\.com$/, example: "https://discord.com/api/webhooks/…" },
  teams: {
    name: "Microsoft Teams",
    hosts: /(\.webhook\.office\.com|\.logic\.azure\.com|\.api\.powerplatform\.com)$/,
    example: "https://….webhook.office.com/… or a Workflows URL",
  },
};

/**
 * Why alerts may not go to this chat URL, in words; null when they may. The same rules as admin
 * webhooks (https, no private or reserved address, checked again after DNS at every delivery), and
 * for a named platform its own host. Development and tests (insecure policy) skip the host check.
 */
export function chatTargetProblem(platform: ChatChannel, url: string, policy: TargetPolicy): string | null {
  const problem = targetProblem(url, policy);
  if (problem) return problem;
  if (platform === "webhook" || policy.allowInsecure) return null;
  const { name, hosts, example } = CHAT_HOSTS[platform];
  return hosts.test(new URL(url).hostname) ? null : `is not a ${name} incoming webhook (expected ${example})`;
}
