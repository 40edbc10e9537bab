// npm run lint (second half): fails when two folders import each other, directly or round a loop.
// A folder is a feature or layer: lib/<name>/, server/<name>/, or a top-level folder (app/, db/…);
// files directly in lib/ or server/ form that folder's own room. Tests are left out: a test may
// import whatever it exercises. The layer rules themselves are ESLint's (eslint.config.mjs).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const SOURCE = /\.(ts|tsx|mts)$/;
const SKIP_DIRS = new Set(["node_modules", ".next", ".data", ".git", "test-results", "playwright-report", ".ci-out"]);
const NESTED_ROOMS = new Set(["lib", "server"]);

function sourceFiles(root: string, dir = ""): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return SKIP_DIRS.has(name) ? [] : sourceFiles(root, rel);
    return SOURCE.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [rel] : [];
  });
}

/** The folder a file belongs to, e.g. lib/incidents, server/front, app. */
export function roomOf(file: string): string {
  const parts = file.split(path.sep);
  if (parts.length === 1) return ".";
  if (NESTED_ROOMS.has(parts[0]!) && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  return parts[0]!;
}

function resolve(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith("./") || spec.startsWith("../")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return candidate;
  return null;
}

export interface FolderEdge {
  from: string;
  to: string;
  /** One import that makes the edge, "file → imported file". */
  via: string;
}

export function folderEdges(root: string): FolderEdge[] {
  const edges = new Map<string, FolderEdge>();
  for (const file of sourceFiles(root)) {
    const info = ts.preProcessFile(readFileSync(path.join(root, file), "utf8"), true, true);
    for (const imported of info.importedFiles) {
      const target = resolve(root, file, imported.fileName);
      if (!target) continue;
      const [from, to] = [roomOf(file), roomOf(target)];
      if (from !== to && !edges.has(`${from} ${to}`))
        edges.set(`${from} ${to}`, { from, to, via: `${file} → ${target}` });
    }
  }
  return [...edges.values()];
}

/** Groups of folders that reach each other (strongly connected components of more than one). */
export function folderCycles(edges: FolderEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(process.argv[2] ?? ".");
  const edges = folderEdges(root);
  const cycles = folderCycles(edges);
  for (const group of cycles) {
    console.error(`folders import each other: ${group.join(", ")}`);
    for (const e of edges) if (group.includes(e.from) && group.includes(e.to)) console.error(`  ${e.via}`);
  }
  if (cycles.length) process.exit(1);
  console.log(`folder imports: ${edges.length} edges between folders, no cycles`);
}
