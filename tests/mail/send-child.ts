/**
 * The sender in a process of its own, for the crash test (app/utils/mail-sender.test.ts): delivers the outbox of
 * DATABASE_PATH over SMTP_URL as the server does (startMailSender: rows a dead process left `sending` are due at
 * once) and exits when nothing is left to send. The test SIGKILLs it while a message is in flight and starts it again.
 */
import { sql } from "drizzle-orm";
import { db } from "../../app/utils/db.server";
import { startMailSender } from "../../app/utils/mail-sender.server";

const sender = startMailSender({ pollMs: 100, from: "Census HQ <no-reply@census-hq.example.org>" });
if (!sender) throw new Error("SMTP_URL is not set");
const left = () => db.all<{ n: number }>(sql`select count(*) as n from outbox where status <> 'sent'`)[0]!.n;
while (left() > 0) await new Promise((r) => setTimeout(r, 50));
await sender.stop();
console.log("all sent");
