import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import { folderCycles, folderEdges } from "./check-folder-cycles";

const ROOT = path.resolve(import.meta.dirname, "..");

describe("layer rules (ESLint)", () => {
  const eslint = new ESLint({ cwd: ROOT });
  const problems = async (filePath: string, code: string) =>
    (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);

  // Deliberately bad files, linted as if they stood at these paths.
  it.each([
    ["app/fixture/page.tsx", 'import { createDb } from "@/db/client";\nexport const f = createDb;\n'],
    ["components/fixture.tsx", 'import { getDb } from "@/lib/db";\nexport const f = getDb;\n'],
    ["db/fixture.ts", 'import { config } from "@/lib/config";\nexport const f = config;\n'],
    ["lib/detection/fixture.ts", 'import { getDb } from "@/lib/db";\nexport const f = getDb;\n'],
    ["lib/detection/fixture.ts", 'import measured from "@/bench/results/real.json";\nexport const f = measured;\n'],
    ["lib/reports/fixture.ts", 'import { createFront } from "@/server/front/front";\nexport const f = createFront;\n'],
    ["lib/reports/fixture.ts", 'import { listenFront } from "@/test/front";\nexport const f = listenFront;\n'],
  ])("refuses %s: %s", async (filePath, code) => {
    expect(await problems(filePath, code)).toContain("import/no-restricted-paths");
  });

  it("refuses I/O in the pure detector", async () => {
    const code = 'import { readFileSync } from "node:fs";\nexport const f = readFileSync;\n';
    expect(await problems("lib/detection/fixture.ts", code)).toContain("no-restricted-imports");
  });

  it.each([
    ["lib/detection/fixture.ts", 'import { nbTailScore } from "./negative-binomial";\nexport const f = nbTailScore;\n'],
    ["db/fixture.ts", 'import { CATEGORIES } from "@/lib/catalog/constants";\nexport const f = CATEGORIES;\n'],
    ["app/fixture/page.tsx", 'import { getDb } from "@/lib/db";\nexport const f = getDb;\n'],
    ["lib/reports/fixture.test.ts", 'import { listenFront } from "@/test/front";\nexport const f = listenFront;\n'],
  ])("allows %s: %s", async (filePath, code) => {
    expect(await problems(filePath, code)).toEqual([]);
  });
});

describe("folder cycles", () => {
  const fixture = mkdtempSync(path.join(tmpdir(), "folder-cycles-"));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(fixture, file)), { recursive: true });
    writeFileSync(path.join(fixture, file), text);
  };
  // lib/a → lib/b → lib/c → lib/a, through different files; app → lib/a is fine; a test may import anything.
  write("lib/a/x.ts", 'import { y } from "../b/y";\nexport const x = y;\n');
  write("lib/b/y.ts", 'import { z } from "@/lib/c/z";\nexport const y = z;\n');
  write("lib/c/z.ts", 'import type { W } from "../a/w";\nexport const z = 1 as W;\n');
  write("lib/a/w.ts", "export type W = number;\n");
  write("app/page.tsx", 'import { x } from "@/lib/a/x";\nexport default x;\n');
  write("lib/d/d.test.ts", 'import { x } from "@/lib/a/x";\nexport const d = x;\n');
  write("lib/d/d.ts", "export const d = 1;\n");

  it("finds folders that import each other round a loop, with the imports that close it", () => {
    const edges = folderEdges(fixture);
    expect(folderCycles(edges)).toEqual([["lib/a", "lib/b", "lib/c"]]);
    expect(edges.map((e) => e.via)).toContain(`lib/c/z.ts → lib/a/w.ts`);
    expect(edges.some((e) => e.from === "lib/d")).toBe(false);
  });

  it("fails the lint step on that fixture and passes on this repository", () => {
    const run = (root: string) => {
      try {
        execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/check-folder-cycles.ts"), root], {
          env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.server.json") },
          stdio: "pipe",
        });
        return 0;
      } catch (e) {
        return (e as { status: number }).status;
      }
    };
    expect(run(fixture)).toBe(1);
    expect(run(ROOT)).toBe(0);
  });
});
