import { startAppServer, type AppServer } from "./app-server";
import { StackNginx } from "./nginx";
import { ThrowawayCluster } from "./pg-cluster";

export interface StackPorts {
  nginx: number;
  apps: number[];
  primary: number;
  replica: number;
}

/** `npm run stack`'s ports; the integration test picks its own. */
export const DEFAULT_STACK_PORTS: StackPorts = { nginx: 8080, apps: [3001, 3002], primary: 5442, replica: 5443 };

export interface Stack {
  /** Where visitors go: nginx. */
  origin: string;
  ports: StackPorts;
  primary: ThrowawayCluster;
  replica: ThrowawayCluster;
  instances: AppServer[];
  nginx: StackNginx;
  /** Everything stopped in order (proxy, instances, replica, primary) and its files removed. */
  stop(): Promise<void>;
}

/**
 * The deployed topology on one machine: nginx → app instances → a Postgres primary and a streaming
 * replica made from it with pg_basebackup, each on its own port, all thrown away by `stop`.
 */
export async function startStack(opts: {
  ports?: StackPorts;
  /** Demo history and traffic, from the first instance only (one generator for the whole stack). */
  demo?: boolean;
  /** Extra environment for every instance. */
  env?: Record<string, string>;
  /** WEB_CONCURRENCY of each instance, in port order (default 1 each). */
  workers?: number[];
  log?: (line: string) => void;
}): Promise<Stack> {
  const ports = opts.ports ?? DEFAULT_STACK_PORTS;
  const log = opts.log ?? (() => {});
  const started: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of started.reverse()) await stop().catch(() => {});
  };
  try {
    const primary = new ThrowawayCluster(ports.primary);
    started.push(() => primary.destroy());
    primary.init();
    await primary.start();
    log(`postgres primary on 127.0.0.1:${ports.primary}`);

    const replica = new ThrowawayCluster(ports.replica);
    started.push(() => replica.destroy());
    await replica.initReplicaOf(primary);
    await replica.start();
    log(`postgres replica on 127.0.0.1:${ports.replica} (pg_basebackup, streaming)`);

    const instances: AppServer[] = [];
    // One after another: the first builds the app if needed and migrates; the rest find it done.
    for (const [i, port] of ports.apps.entries()) {
      const demo = opts.demo === true && i === 0;
      const instance = await startAppServer({
        port,
        env: {
          DATABASE_URL: primary.url,
          DATABASE_REPLICA_URL: replica.url,
          // nginx, on this machine, is the only proxy whose X-Forwarded-For is believed.
          TRUSTED_PROXIES: "loopback",
          DEMO: demo ? "on" : "off",
          WEB_CONCURRENCY: String(opts.workers?.[i] ?? 1),
          ...opts.env,
        },
        log: (line) => log(`[app ${port}] ${line}`),
      });
      started.push(() => instance.stop());
      instances.push(instance);
      log(`app instance on 127.0.0.1:${port}${demo ? " (demo traffic)" : ""}`);
    }

    const nginx = new StackNginx(ports.nginx, ports.apps);
    started.push(() => nginx.stop());
    await nginx.start();
    log(`nginx on ${nginx.origin}`);

    return {
      origin: nginx.origin,
      ports,
      primary,
      replica,
      instances,
      nginx,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
