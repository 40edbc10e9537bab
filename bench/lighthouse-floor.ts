// The floor for bench:lighthouse: the smallest page Next.js's App Router serves (one heading, one
// paragraph, no client components), built with this repo's Next.js and served by `next start`. Every
// App Router page pays for the framework's start-up in the browser (its router, React and the page's
// payload, evaluated and hydrated in one task); audited in the same run as the site's pages, it says
// how much of a page's score is the framework on this machine at this hour, and how much the page.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { waitFor } from "@/deploy/stack/wait-for";

const DIR = path.join(".data", "lighthouse-floor");
const NEXT = require.resolve("next/dist/bin/next");

const FILES: Record<string, string> = {
  "app/layout.jsx": `export const metadata = { title: "Is it down?", description: "The smallest App Router page." };
export default function Layout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  // Rendered per request, as the site's pages are.
  "app/page.jsx": `export const dynamic = "force-dynamic";
export default function Page() {
  return (
    <main>
      <h1>Is it down?</h1>
      <p>The smallest page the App Router serves: one heading and one paragraph, no client components.</p>
    </main>
  );
}
`,
};

function run(args: string[]) {
  const child = spawn(process.execPath, [NEXT, ...args], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      output.push(chunk);
    });
  }
  return { child, output };
}

/** Builds the floor page and serves it on `port`; `stop` ends the server. */
export async function startFloorPage(port: number): Promise<{ origin: string; stop: () => Promise<void> }> {
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(DIR, file)), { recursive: true });
    writeFileSync(path.join(DIR, file), text);
  }
  const build = run(["build", DIR]);
  const code = await new Promise<number | null>((resolve) => build.child.once("exit", resolve));
  if (code !== 0) throw new Error(`building the floor page failed:\n${build.output.join("")}`);

  const server = run(["start", DIR, "--port", String(port), "--hostname", "127.0.0.1"]);
  const orphanGuard = () => server.child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  const origin = `http://127.0.0.1:${port}`;
  const ready = await waitFor(
    "the floor page's server",
    async () => (server.child.exitCode !== null ? "exited" : (await fetch(origin + "/")).ok && "up"),
    60_000,
  );
  if (ready === "exited") throw new Error(`the floor page's server exited:\n${server.output.join("")}`);
  return {
    origin,
    stop: async () => {
      const exited = new Promise((resolve) => server.child.once("exit", resolve));
      server.child.kill("SIGTERM");
      await exited;
      process.off("exit", orphanGuard);
    },
  };
}
