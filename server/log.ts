import cluster from "node:cluster";

/** The server's own lines on stdout, marked with the worker that wrote them. */
export const log = (msg: string) =>
  console.log(`[outage-radar${cluster.isWorker ? ` worker ${cluster.worker?.id}` : ""}] ${msg}`);
