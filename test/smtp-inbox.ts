import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  /** Envelope recipients, as the relay was told them. */
  to: string[];
  mail: ParsedMail;
  /** Each header's raw value by lower-case name. */
  headers: Map<string, string>;
  /** When the message was accepted (epoch ms). */
  at: number;
}

/**
 * A real SMTP server on loopback that keeps what it receives: what alerts are tested against, as a
 * relay would see them. `refuse` makes it answer the next messages with a 451 (try again later).
 */
export async function startInbox(port = 0) {
  const received: Received[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (refuse > 0) {
            refuse--;
            return callback(Object.assign(new Error("try again later"), { responseCode: 451 }));
          }
          const headers = new Map(mail.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(":") + 1).trim()]));
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail, headers, at: Date.now() });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    received,
    refuseNext(n: number) {
      refuse = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
