import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { routing } from "./routing";
import en from "./messages/en.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The names a message needs filled in: its arguments and its rich-text tags. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time)
        names.add(e.value);
      if (e.type === TYPE.tag) {
        names.add(`<${e.value}>`);
        walk(e.children);
      }
      if (e.type === TYPE.select || e.type === TYPE.plural) {
        names.add(e.value);
        for (const option of Object.values(e.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const english = flatten(en as Tree);

describe.each(routing.locales.filter((l) => l !== "en"))("the %s messages", (locale) => {
  it("have every key the English ones have, and no other", async () => {
    const messages = flatten((await import(`./messages/${locale}.json`)).default as Tree);
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("take the same values and tags as the English ones, so none is left unfilled", async () => {
    const messages = flatten((await import(`./messages/${locale}.json`)).default as Tree);
    for (const [key, source] of english) {
      const translated = messages.get(key) ?? "";
      expect(translated.trim(), key).not.toBe("");
      const wanted = placeholders(source);
      const used = placeholders(translated);
      // Every value and tag the English one shows, shown; a count may be left to the grammar.
      expect(
        used.filter((p) => !wanted.includes(p)),
        key,
      ).toEqual([]);
      expect(
        wanted.filter((p) => p !== "count" && !used.includes(p)),
        key,
      ).toEqual([]);
    }
  });
});

it("the English messages all parse", () => {
  for (const [key, message] of english) expect(() => parse(message), key).not.toThrow();
});
