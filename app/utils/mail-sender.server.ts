/**
 * The sender: delivers the outbox over SMTP (nodemailer; `SMTP_URL`, `MAIL_FROM`), one message at a time, in the
 * server process and never inside a request. Each row is marked `sending` (committed) before it is handed to SMTP and
 * `sent` after the server accepted it, so a crash in between leaves exactly that row to send again, with the same
 * Message-ID (kept on the row since it was written). Failures wait 1, 2, 4 … minutes (at most 6 h), 10 tries.
 * Without SMTP_URL nothing is sent: the mail stays queued for the admin to read at /admin/outbox.
 */

import { and, asc, eq, lte, or } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { outbox } from "../../db/schema";
import { scopeFor } from "../models/access.server";
import { type Attachment, onMailWritten } from "../models/mail.server";
import * as clock from "./clock.server";
import { db as appDb, type Db } from "./db.server";
import { appUrl } from "./mail-render.server";
import { printMinutes } from "./minutes-print.server";
import { PdfBusyError, PdfError } from "./pdf.server";

const MAX_ATTEMPTS = 10;
/** How long a row stays `sending` before another look counts it as lost (a process that died mid-send). */
const LEASE_MS = 5 * 60_000;

export type RenderedAttachment = { filename: string; content: Buffer | string; contentType: string };
type AttachmentRenderer = (a: Attachment, lang: string) => Promise<RenderedAttachment | null>;

/** The system's reading of the minutes it attaches (the secretariat's scope: any final minutes). */
const SYSTEM_SCOPE = scopeFor({ id: 0, role: "secretariat", personId: null });

/**
 * The minutes PDF of an assignment mail, printed when the mail is sent (not when it is written, so finalising never
 * waits for Chromium). If printing is busy the mail waits for its next try; if it fails, the mail goes without the
 * attachment (its link leads to the minutes) rather than not at all.
 */
async function defaultRenderer(a: Attachment, lang: string): Promise<RenderedAttachment | null> {
  if ("filename" in a) return { filename: a.filename, content: a.content, contentType: a.contentType };
  try {
    const printed = await printMinutes(SYSTEM_SCOPE, a.minutesPdf, lang === "en" ? "en" : "fa", {
      request: new Request(appUrl("/")),
    });
    if (!printed) return null;
    return {
      filename: `${printed.title}${printed.suffix} ${printed.when}.pdf`,
      content: Buffer.from(printed.pdf),
      contentType: "application/pdf",
    };
  } catch (error) {
    if (error instanceof PdfBusyError) throw error;
    if (error instanceof PdfError) {
      console.error("mail attachment: minutes PDF failed:", error.message);
      return null;
    }
    throw error;
  }
}

let renderAttachment: AttachmentRenderer = defaultRenderer;

/** Lets the server entry print minutes PDFs for attachments (the print path lives with the routes). */
export function setAttachmentRenderer(fn: AttachmentRenderer) {
  renderAttachment = fn;
}

export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/** Takes the next due row and marks it `sending` in one transaction; null when nothing is due. */
function claimNext(database: Db) {
  return database.transaction(
    (tx) => {
      const now = clock.nowIso();
      const row = tx
        .select()
        .from(outbox)
        .where(and(or(eq(outbox.status, "queued"), eq(outbox.status, "sending")), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(1)
        .get();
      if (!row) return null;
      tx.update(outbox)
        .set({ status: "sending", attempts: row.attempts + 1, nextAttemptAt: clock.nowIso(LEASE_MS) })
        .where(eq(outbox.id, row.id))
        .run();
      return { ...row, attempts: row.attempts + 1 };
    },
    { behavior: "immediate" },
  );
}

/** Sends what is due, one after another, until nothing is; returns how many were sent. */
export async function sendDue(
  database: Db,
  transport: Transporter,
  from: string,
  {
    max = Number.POSITIVE_INFINITY,
    shouldStop = (): boolean => false,
  }: { max?: number; shouldStop?: () => boolean } = {},
): Promise<number> {
  let sent = 0;
  while (sent < max && !shouldStop()) {
    const row = claimNext(database);
    if (!row) break;
    try {
      const rendered: RenderedAttachment[] = [];
      for (const a of JSON.parse(row.attachments) as Attachment[]) {
        const r = await renderAttachment(a, row.lang);
        if (r) rendered.push(r);
      }
      const info = await transport.sendMail({
        from,
        to: row.toAddress,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: row.messageId,
        headers: { "X-Outbox-Id": String(row.id), "Content-Language": row.lang },
        attachments: rendered.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
      });
      database
        .update(outbox)
        .set({ status: "sent", sentAt: clock.nowIso(), lastError: String(info.response ?? "").slice(0, 500) })
        .where(eq(outbox.id, row.id))
        .run();
      sent++;
    } catch (error) {
      const failed = row.attempts >= MAX_ATTEMPTS;
      database
        .update(outbox)
        .set({
          status: failed ? "failed" : "queued",
          nextAttemptAt: clock.nowIso(backoffMs(row.attempts)),
          lastError: String((error as Error)?.message ?? error).slice(0, 500),
        })
        .where(eq(outbox.id, row.id))
        .run();
    }
  }
  return sent;
}

/** The SMTP host named by SMTP_URL (for the admin's page), or null when mail is off. */
export function smtpHost(): string | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol === "smtps:" ? 465 : 587)}`;
  } catch {
    return "?";
  }
}

export type MailSender = { stop: () => Promise<void>; kick: () => void };

/**
 * Starts the sender: a look every `pollMs` and whenever mail is written. Rows a previous process left `sending`
 * are due at once (this process has none in flight yet). Returns null without SMTP_URL.
 */
export function startMailSender({
  smtpUrl = process.env.SMTP_URL,
  from = process.env.MAIL_FROM || "Census HQ <no-reply@census-hq.local>",
  pollMs = 15_000,
  database = appDb,
}: {
  smtpUrl?: string;
  from?: string;
  pollMs?: number;
  database?: Db;
} = {}): MailSender | null {
  if (!smtpUrl) return null;
  database
    .update(outbox)
    .set({ status: "queued", nextAttemptAt: clock.nowIso() })
    .where(eq(outbox.status, "sending"))
    .run();
  const transport = nodemailer.createTransport(smtpUrl as string | SMTPTransport.Options);
  const state = { stopped: false };
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (state.stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = sendDue(database, transport, from, { shouldStop: () => state.stopped })
      .catch((error) => console.error("mail sender:", error))
      .then(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, pollMs);
  timer.unref();
  onMailWritten(run);
  run();
  return {
    kick: run,
    stop: async () => {
      state.stopped = true;
      clearInterval(timer);
      onMailWritten(null);
      await running;
      transport.close();
    },
  };
}
