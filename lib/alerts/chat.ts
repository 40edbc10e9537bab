import { translator } from "@/lib/i18n/translator";
import type { AlertMessage } from "./message";

const openLabel = (message: AlertMessage) => translator(message.locale, "AlertMail")("open");

/** The chat platforms whose incoming webhooks take a message in their own format. */
export type ChatPlatform = "slack" | "discord" | "teams";

// Slack reads &, < and > as markup in mrkdwn and plain text alike; a service named "AT&T" must
// arrive as itself.
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack incoming webhook: `text` for notifications and screen readers, blocks for the channel. */
function slack(message: AlertMessage) {
  const title = slackEscape(message.title);
  const body = slackEscape(message.body);
  return {
    text: `${title}: ${body}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: message.title.slice(0, 150), emoji: false } },
      { type: "section", text: { type: "mrkdwn", text: body.slice(0, 3000) } },
      { type: "section", text: { type: "mrkdwn", text: `<${message.url}|${slackEscape(openLabel(message))}>` } },
    ],
  };
}

/**
 * Discord execute-webhook body: one embed within Discord's limits (title 256, description 4,096
 * characters), and no mentions, whatever a name contains.
 */
function discord(message: AlertMessage) {
  return {
    embeds: [{ title: message.title.slice(0, 256), description: message.body.slice(0, 4096), url: message.url }],
    allowed_mentions: { parse: [] as string[] },
  };
}

/** Microsoft Teams (Workflows or incoming webhook): one Adaptive Card in a message. */
function teams(message: AlertMessage) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: message.title, weight: "Bolder", size: "Medium", wrap: true },
            { type: "TextBlock", text: message.body, wrap: true },
          ],
          actions: [{ type: "Action.OpenUrl", title: openLabel(message), url: message.url }],
        },
      },
    ],
  };
}

/** The JSON body a platform's incoming webhook takes for this message. */
export function chatPayload(platform: ChatPlatform, message: AlertMessage): unknown {
  return { slack, discord, teams }[platform](message);
}
