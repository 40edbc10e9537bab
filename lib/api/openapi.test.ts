import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPORTS_PATH } from "./paths";
import { ALL_EVENTS_PATH } from "@/server/front/live-events";
import { openApiDocument } from "./openapi";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API = path.join(ROOT, "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler under app/api/v1 as "METHOD /path", read from the files Next.js serves. */
function routeOperations(dir = API): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeOperations(file);
    if (entry.name !== "route.ts") return [];
    const url = `/${path.relative(path.join(ROOT, "app"), dir).split(path.sep).join("/")}`.replace(
      /\[(\w+)\]/g,
      "{$1}",
    );
    const source = readFileSync(file, "utf8");
    return METHODS.filter((m) => new RegExp(`export (async function|const) ${m}\\b`).test(source)).map(
      (m) => `${m} ${url}`,
    );
  });
}

function documentedOperations(): string[] {
  const doc = openApiDocument("http://localhost:3000");
  return Object.entries(doc.paths ?? {}).flatMap(([url, item]) =>
    METHODS.filter((m) => (item as Record<string, unknown>)[m.toLowerCase()]).map((m) => `${m} ${url}`),
  );
}

describe("the OpenAPI document", () => {
  // The report endpoint and the event streams are answered by the Node front (server/front), not by files under app/.
  const served = [
    ...routeOperations(),
    `POST ${REPORTS_PATH}`,
    `GET ${ALL_EVENTS_PATH}`,
    "GET /api/v1/services/{slug}/events",
  ].sort();

  it("finds the routes it checks against", () => {
    expect(served).toContain("GET /api/v1/services/{slug}/snapshot");
    expect(served).toContain("POST /api/v1/admin/webhooks");
    expect(served.length).toBeGreaterThan(20);
  });

  it("describes exactly the operations the API serves, no more and no fewer", () => {
    expect(documentedOperations().sort()).toEqual(served);
  });

  it("takes the Idempotency-Key's form from the code that checks it", () => {
    const doc = openApiDocument("http://localhost:3000") as unknown as {
      paths: Record<string, { post: { parameters: Array<{ name: string; schema: { pattern?: string } }> } }>;
    };
    const key = doc.paths[REPORTS_PATH]!.post.parameters.find((p) => p.name === "idempotency-key")!;
    expect(new RegExp(key.schema.pattern!).test("k".repeat(255))).toBe(true);
    expect(new RegExp(key.schema.pattern!).test("k".repeat(256))).toBe(false);
  });
});
