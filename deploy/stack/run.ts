// `npm run stack`: the deployed topology on this machine (deploy/README.md), with demo traffic,
// until Ctrl-C (or SIGTERM) stops it all and removes its data.
import { DEFAULT_STACK_PORTS, startStack } from "./stack";

const started = Date.now();
const log = (line: string) => console.log(`[stack ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
const quiet = process.argv.includes("--quiet");

async function main() {
  log("starting: Postgres primary, a streaming replica, two app instances, nginx (the first start builds the app)");
  const stack = await startStack({
    ports: DEFAULT_STACK_PORTS,
    demo: !process.argv.includes("--no-demo"),
    log: (line) => (!quiet || !line.startsWith("[app ") ? log(line) : undefined),
  });
  log(`ready: open ${stack.origin} (Ctrl-C stops everything and removes its data)`);
  log(`  instances: ${stack.instances.map((i) => i.origin).join(", ")} (each has /api/health and /api/metrics)`);
  log(`  primary: ${stack.primary.url}`);
  log(`  replica: ${stack.replica.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping nginx, the instances, the replica and the primary`);
    await stack.stop();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
