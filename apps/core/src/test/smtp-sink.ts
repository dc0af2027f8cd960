import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  messageId: string | undefined;
  /** The name the sending client gave in EHLO (nodemailer's `name`): which worker sent it. */
  client: string;
  raw: string;
}

/**
 * A real SMTP server for tests (the `smtp-server` package): records what it accepts and
 * can be told to refuse, temporarily (4xx) or permanently (5xx), like a real one would.
 */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  const behaviour = {
    refuseNext: 0,
    refuseCode: 421,
    refuseAllTo: new Set<string>(),
    /**
     * Clients (EHLO names) that must each have a mail in flight before any is accepted: a
     * test of several workers then knows they delivered at the same time, without timing.
     */
    holdUntilClients: [] as string[],
  };
  const seen = new Set<string>();
  const held: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (behaviour.refuseAllTo.has(address.address)) {
        const err = Object.assign(new Error("mailbox unavailable"), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (behaviour.refuseNext > 0) {
          behaviour.refuseNext--;
          return callback(Object.assign(new Error("try again later"), { responseCode: behaviour.refuseCode }));
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const accept = () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1],
            client: session.hostNameAppearsAs,
            raw,
          });
          callback();
        };
        seen.add(session.hostNameAppearsAs);
        held.push(accept);
        if (behaviour.holdUntilClients.every((name) => seen.has(name))) for (const next of held.splice(0)) next();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    received,
    behaviour,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
