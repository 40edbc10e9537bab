import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Words shown to people come from the messages (lib/i18n/messages), never from a component: this
 * finds text written into JSX (between tags, or in aria-label, title, alt, placeholder and label)
 * in the public pages and their components.
 */
const ROOTS = ["app/[locale]", "components"];

/** Not ours to translate: the brand, names of standards and data sources. */
const ALLOWED = [/^Outage Radar$/, /^API$/, /^IP Geolocation by DB-IP$/];

/**
 * Pages and components still in English only (#29 item 3 is done when this list is empty). The
 * moderator console (app/admin, components/console-*) stays English on purpose: it is for operators.
 */
const NOT_YET = new Set<string>([]);
const ENGLISH_ONLY = [/^components\/console-/];

const ATTRIBUTES = new Set(["aria-label", "title", "alt", "placeholder", "label"]);
const WORDS = /[A-Za-z]{2,}/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return full.endsWith(".tsx") && !full.endsWith(".test.tsx") ? [full] : [];
  });
}

function hardCoded(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const say = (text: string) => {
    const t = text.replace(/\s+/g, " ").trim();
    if (WORDS.test(t) && !ALLOWED.some((a) => a.test(t))) found.push(t);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) say(node.text);
    if (ts.isJsxAttribute(node) && ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) say(node.initializer.text);
      if (ts.isJsxExpression(node.initializer) && node.initializer.expression) {
        const e = node.initializer.expression;
        if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) say(e.text);
        if (ts.isTemplateExpression(e)) say(e.head.text + e.templateSpans.map((s) => s.literal.text).join(" "));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const all = ROOTS.flatMap(files).filter((f) => !ENGLISH_ONLY.some((p) => p.test(f)));

describe("text shown to people comes from the messages", () => {
  it.each(all.filter((f) => !NOT_YET.has(f)))("%s has no words of its own", (file) => {
    expect(hardCoded(file)).toEqual([]);
  });

  it("lists as not yet translated only files that still have words of their own", () => {
    const done = [...NOT_YET].filter((f) => hardCoded(f).length === 0);
    expect(done, "translated now: take them off NOT_YET").toEqual([]);
  });
});
