/** A real SMTP server on a loopback port for tests (smtp-server), each message read back with mailparser. */
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Received = ParsedMail & { envelopeTo: string[] };

/**
 * Starts an SMTP server on 127.0.0.1 (a free port); `reject(n)` makes the next n messages fail with 451;
 * `hold(n)` keeps the n-th message received (counted from the start) but never answers it — the sender is left
 * waiting as if it crashed between the server taking the mail and the sender marking it sent.
 */
export async function startSmtp() {
  const received: Received[] = [];
  let rejectNext = 0;
  let holdAt = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (rejectNext > 0) {
          rejectNext--;
          const error = new Error("try later") as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        const parsed = await simpleParser(Buffer.concat(chunks));
        received.push(Object.assign(parsed, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
        if (holdAt > 0 && received.length === holdAt) return;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    port,
    received,
    reject(n: number) {
      rejectNext = n;
    },
    hold(n: number) {
      holdAt = n;
    },
    async waitFor(n: number, ms = 10_000) {
      const until = Date.now() + ms;
      while (received.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
