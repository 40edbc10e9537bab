import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { date, parseFeed } from "./shared";

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

const item = z.object({
  title: z.coerce.string(),
  link: z.coerce.string().nullish(),
  description: z.coerce.string().nullish(),
  pubDate: date,
  guid: z.union([z.string(), z.number()]).transform(String).nullish(),
});

const rss = z.object({
  rss: z.object({
    channel: z.object({
      // One item parses as an object, none as "".
      item: z
        .union([z.array(item), item, z.literal("")])
        .nullish()
        .transform((v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v])),
    }),
  }),
});

export type RssItem = z.infer<typeof item>;

/** An RSS 2.0 document's items, oldest first. */
export function rssItems(body: unknown, what: string): RssItem[] {
  let tree: unknown;
  try {
    tree = parser.parse(String(body), true);
  } catch (e) {
    tree = { error: (e as Error).message };
  }
  return parseFeed(rss, tree, what).rss.channel.item.sort((a, b) => a.pubDate.getTime() - b.pubDate.getTime());
}
