/**
 * Delivers the outbox of a database once, with the app's own sender, to `SMTP_URL` (the e2e mail journey runs it
 * against the e2e server's database and a loopback SMTP server). Minutes PDFs are left out of the attachments:
 * printing them is the PDF tests' work, and the journey reads the mail, not the print. Prints how many were sent.
 *   DATABASE_PATH=data/e2e/app.db SMTP_URL=smtp://127.0.0.1:2525 NODE_ENV=test TEST_CLOCK=… npx tsx tests/mail/deliver-outbox.ts
 */
import nodemailer from "nodemailer";
import { db } from "../../app/utils/db.server";
import { sendDue, setAttachmentRenderer } from "../../app/utils/mail-sender.server";

const url = process.env.SMTP_URL;
if (!url) throw new Error("SMTP_URL is required");
setAttachmentRenderer(async (a) =>
  "filename" in a ? { filename: a.filename, content: a.content, contentType: a.contentType } : null,
);
const sent = await sendDue(db, nodemailer.createTransport(url), "Census HQ <no-reply@example.org>");
console.log(JSON.stringify({ sent }));
db.$client.close();
process.exit(0);
