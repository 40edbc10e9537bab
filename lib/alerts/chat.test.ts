import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chatPayload } from "./chat";
import type { AlertMessage } from "./message";

// Each platform's documented shape and limits, as far as a message of ours uses them.
const slackSchema = z.strictObject({
  text: z.string().min(1).max(40_000),
  blocks: z
    .array(
      z.union([
        z.strictObject({
          type: z.literal("header"),
          text: z.strictObject({ type: z.literal("plain_text"), text: z.string().min(1).max(150), emoji: z.boolean() }),
        }),
        z.strictObject({
          type: z.literal("section"),
          text: z.strictObject({ type: z.literal("mrkdwn"), text: z.string().min(1).max(3000) }),
        }),
      ]),
    )
    .max(50),
});
const discordSchema = z
  .strictObject({
    embeds: z
      .array(z.strictObject({ title: z.string().max(256), description: z.string().max(4096), url: z.url() }))
      .min(1)
      .max(10),
    allowed_mentions: z.strictObject({ parse: z.array(z.string()).length(0) }),
  })
  .refine((b) => b.embeds.reduce((n, e) => n + e.title.length + e.description.length, 0) <= 6000, "6,000 in all");
const teamsSchema = z.strictObject({
  type: z.literal("message"),
  attachments: z
    .array(
      z.strictObject({
        contentType: z.literal("application/vnd.microsoft.card.adaptive"),
        contentUrl: z.null(),
        content: z.object({
          type: z.literal("AdaptiveCard"),
          version: z.string().regex(/^1\.[0-5]$/),
          body: z
            .array(z.object({ type: z.literal("TextBlock"), text: z.string().min(1), wrap: z.literal(true) }))
            .min(1),
          actions: z.array(z.strictObject({ type: z.literal("Action.OpenUrl"), title: z.string(), url: z.url() })),
        }),
      }),
    )
    .length(1),
});

const message: AlertMessage = {
  title: "AT&T <is> down",
  body: "People are reporting an outage at AT&T. @everyone",
  url: "https://radar.example/incidents/7",
  locale: "en",
};

describe("chat payloads", () => {
  it("Slack: escapes what its markup would read, and links the incident", () => {
    const body = slackSchema.parse(chatPayload("slack", message));
    expect(body.text).toBe("AT&amp;T &lt;is&gt; down: People are reporting an outage at AT&amp;T. @everyone");
    expect(JSON.stringify(body.blocks)).toContain("<https://radar.example/incidents/7|Open on Outage Radar>");
    // A plain_text header shows text as it is.
    expect(body.blocks[0]!.text.text).toBe("AT&T <is> down");
  });

  it("Discord: one embed within its limits, and nobody mentioned whatever a text says", () => {
    const long = { ...message, title: "T".repeat(300), body: "B".repeat(5000) };
    const body = discordSchema.parse(chatPayload("discord", long));
    expect(body.embeds[0]!.title).toHaveLength(256);
    expect(body.embeds[0]!.description).toHaveLength(4096);
    expect(discordSchema.parse(chatPayload("discord", message)).allowed_mentions.parse).toEqual([]);
  });

  it("Teams: one Adaptive Card with the title, the sentences and a button to the incident", () => {
    const body = teamsSchema.parse(chatPayload("teams", message));
    const card = body.attachments[0]!.content;
    expect(card.body.map((b) => b.text)).toEqual([message.title, message.body]);
    expect(card.actions[0]!.url).toBe(message.url);
  });
});
