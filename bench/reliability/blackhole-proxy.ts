import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";

/**
 * A TCP proxy between the app and Postgres that can stop answering without closing anything, as a
 * network black hole does: bytes stop flowing both ways while every connection stays open. When it
 * heals, the held bytes flow again, as after a network partition.
 */
// A piped stream is resumed whenever its destination drains, so holding means unpiping too.
const flow = ([client, upstream]: [Socket, Socket]) => {
  client.pipe(upstream);
  upstream.pipe(client);
};
const hold = ([client, upstream]: [Socket, Socket]) => {
  client.unpipe(upstream);
  upstream.unpipe(client);
  client.pause();
  upstream.pause();
};

export class BlackholeProxy {
  private server: Server;
  private pairs: Array<[Socket, Socket]> = [];
  private holding = false;
  private listening: number | undefined;

  constructor(target: { host: string; port: number }) {
    this.server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.push(pair);
      if (!this.holding) flow(pair);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.pairs = this.pairs.filter((p) => p !== pair);
      };
      client.on("error", drop).on("close", drop);
      upstream.on("error", drop).on("close", drop);
    });
  }

  /**
   * Listens on a port the system picks: a fixed one inside the ephemeral range (as 55440 was) can be
   * taken at that moment by any process that asked for a free port, and a CI run failed on that.
   */
  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => {
        this.listening = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  get port(): number {
    if (this.listening === undefined) throw new Error("the proxy is not listening yet");
    return this.listening;
  }

  /** Nothing passes, nothing closes: bytes wait unread in the sockets. */
  blackhole(): void {
    this.holding = true;
    for (const pair of this.pairs) hold(pair);
  }

  heal(): void {
    this.holding = false;
    for (const pair of this.pairs) flow(pair);
  }

  close(): Promise<void> {
    for (const pair of this.pairs) for (const s of pair) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
