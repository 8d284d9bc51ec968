/**
 * The daily jobs (issue 19): deadline reminders and the notices of due-soon and overdue resolutions, written once a
 * day per person (the outbox's unique dedupe key holds it even if two runs race). Run by croner inside the server
 * process (startScheduler, from entry.server.tsx), and once at start as a catch-up. Unit tests call runDailyJobs.
 */
import { Cron } from "croner";
import { sql } from "drizzle-orm";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { localDigits } from "../utils/digits";
import { addDays, daysBetween } from "../utils/jalali";
import { serverI18n } from "../utils/locale.server";
import { enqueueMail, notifyInApp, ownerPeopleOf, recipientsOf, resolutionsForMail } from "./mail.server";

/** Days before a deadline that a reminder goes out (and on the day itself); weekly while overdue. */
export const REMINDER_DAYS = [7, 1];

/** Whether a resolution due on `due` gets a reminder `today`. */
export function remindsToday(due: string, today: string): boolean {
  const left = daysBetween(today, due);
  if (left === 0 || REMINDER_DAYS.includes(left)) return true;
  return left < 0 && -left % 7 === 0;
}

/** One run: returns how many mails were written (0 on a second run of the same day). */
export function runDailyJobs(): number {
  const today = clock.today();
  const soon = addDays(today, 3);
  const horizon = addDays(today, Math.max(...REMINDER_DAYS));
  const open = db.all<{ id: number; dueDate: string }>(
    sql`select id, due_date as dueDate from resolutions
      where status in ('open', 'in_progress') and due_date is not null and due_date <= ${horizon}`,
  );
  if (open.length === 0) return 0;
  let written = 0;
  writeTransaction((tx) => {
    const owners = ownerPeopleOf(
      tx,
      open.map((r) => r.id),
    );
    const byPerson = new Map<number, number[]>();
    for (const [rid, ps] of owners) for (const p of ps) byPerson.set(p, [...(byPerson.get(p) ?? []), rid]);
    const details = new Map(
      resolutionsForMail(
        tx,
        open.map((r) => r.id),
      ).map((r) => [r.id, r]),
    );
    for (const to of recipientsOf(tx, byPerson.keys())) {
      const mine = (byPerson.get(to.personId) ?? []).map((id) => details.get(id)!).filter(Boolean);
      for (const r of mine) {
        if (!r.dueDate) continue;
        if (r.dueDate < today) notifyInApp(tx, to.userId, "overdue", r.id);
        else if (r.dueDate <= soon) notifyInApp(tx, to.userId, "due_soon", r.id);
      }
      const due = mine.filter((r) => r.dueDate && remindsToday(r.dueDate, today));
      if (due.length === 0) continue;
      const t = serverI18n(to.lang).t;
      const ok = enqueueMail(
        tx,
        to,
        "reminder",
        {
          subject: t("mail.reminder.subject"),
          paragraphs: [t("mail.reminder.intro")],
          items: due.map((r) => {
            const left = daysBetween(today, r.dueDate!);
            const when =
              left === 0
                ? t("mail.reminder.today")
                : left > 0
                  ? t("mail.reminder.inDays", { count: left })
                  : t("mail.reminder.overdue", { count: -left });
            return { text: `${localDigits(r.code, to.lang)}: ${r.subject} — ${when}`, href: `/resolutions/${r.id}` };
          }),
          link: "/my-actions",
        },
        { dedupeKey: `reminder:${today}:${to.personId}` },
      );
      if (ok) written++;
    }
  });
  return written;
}

let job: Cron | null = null;

/** Starts the daily run at 07:00 Tehran time, and runs once now (catch-up after a restart or a missed day). */
export function startScheduler(): Cron | null {
  if (job || process.env.SCHEDULER === "off") return job;
  const run = () => {
    try {
      runDailyJobs();
    } catch (error) {
      console.error("scheduler:", error);
    }
  };
  job = new Cron("0 7 * * *", { timezone: "Asia/Tehran", protect: true, unref: true }, run);
  setImmediate(run);
  return job;
}
