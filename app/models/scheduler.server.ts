/**
 * The daily jobs (issue 19), run by croner inside the server process (startScheduler, from entry.server.tsx) at 07:00
 * Tehran time, and once at start as a catch-up after downtime. Each run, in one write transaction (BEGIN IMMEDIATE,
 * so two runs never interleave):
 * - in-app notices of the person's due-soon (three days) and overdue resolutions;
 * - one reminder mail per person and day: resolutions due in one of the reminder days (default 7 and 1, the admin's
 *   setting), due today, and — at most weekly — all the person's overdue ones (a person with overdue resolutions and
 *   no overdue reminder in the last seven days gets one, so a restart after downtime catches up);
 * - one digest mail per chair and Persian week (the first run of the week) of the overdue and due-soon resolutions
 *   their bodies passed, instead of a notice per resolution.
 * Every mail has a dedupe key (person and day or week): a second run the same day writes nothing. Unit tests call
 * runDailyJobs with the clock pinned.
 */
import { Cron } from "croner";
import { eq, sql } from "drizzle-orm";
import { schedulerRuns, settings } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import { localDigits } from "../utils/digits";
import { addDays, daysBetween, formatJalali, weekOf } from "../utils/jalali";
import { serverI18n } from "../utils/locale.server";
import { type Actor, recordAudit } from "./audit.server";
import { enqueueMail, notifyInApp, ownerPeopleOf, recipientsOf, resolutionsForMail } from "./mail.server";
import { ensureSeriesDrafts } from "./series.server";

/** Days before a deadline that a reminder goes out when the admin set none (and on the day itself). */
export const DEFAULT_REMINDER_DAYS = [7, 1];
const REMINDER_DAYS_KEY = "reminder_days";
/** A deadline this near (days) is «due soon» in the in-app notices. */
const DUE_SOON_DAYS = 3;
/** A deadline this near (days) is listed as due soon in a chair's digest. */
const DIGEST_DAYS = 14;

/** The reminder days the admin set (/admin/outbox), largest first; the default without a setting. */
export function getReminderDays(reader: Tx | typeof db = db): number[] {
  const row = reader.select().from(settings).where(eq(settings.key, REMINDER_DAYS_KEY)).get();
  if (!row) return DEFAULT_REMINDER_DAYS;
  const days = parseReminderDays(row.value);
  return days ?? DEFAULT_REMINDER_DAYS;
}

/** «7, 1» (any digits, any commas) → [7, 1]; null when a day is not a whole number from 1 to 60. Empty → []. */
export function parseReminderDays(text: string): number[] | null {
  const western = text
    .replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String("٠١٢٣٤٥٦٧٨٩".indexOf(d)));
  const parts = western
    .split(/[,،\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const days: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return null;
    const n = Number(p);
    if (n < 1 || n > 60) return null;
    days.push(n);
  }
  return [...new Set(days)].sort((a, b) => b - a);
}

/** The admin sets the reminder days (an empty list leaves only the reminder on the day and the overdue ones). */
export function setReminderDays(actor: Actor, days: number[]) {
  const value = [...new Set(days)].sort((a, b) => b - a).join(",");
  writeTransaction((tx) => {
    tx.insert(settings)
      .values({ key: REMINDER_DAYS_KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value } })
      .run();
    recordAudit({ ...actor, action: "update", entity: "settings", after: { reminderDays: value } }, tx);
  });
}

/** Whether a resolution due on `due` gets a before-the-deadline or on-the-day reminder `today`. */
export function remindsToday(due: string, today: string, days: number[] = DEFAULT_REMINDER_DAYS): boolean {
  const left = daysBetween(today, due);
  return left === 0 || days.includes(left);
}

/** The last day (ISO) the person got a reminder listing overdue resolutions, or null. */
function lastOverdueReminder(tx: Tx, personId: number): string | null {
  const row = tx.all<{ key: string }>(
    sql`select dedupe_key as key from outbox where kind = 'reminder' and person_id = ${personId}
      and dedupe_key like ${"reminder:%:o"} order by dedupe_key desc limit 1`,
  )[0];
  return row ? row.key.split(":")[1]! : null;
}

export type RunResult = { reminders: number; digests: number; seriesDrafts: number };

/** One run: how many reminder and digest mails were written (none on a second run of the same day). */
export function runDailyJobs(): RunResult {
  const today = clock.today();
  const result: RunResult = { reminders: 0, digests: 0, seriesDrafts: 0 };
  writeTransaction((tx) => {
    const days = getReminderDays(tx);
    const horizon = addDays(today, Math.max(DUE_SOON_DAYS, DIGEST_DAYS, ...days));
    const open = tx.all<{ id: number; dueDate: string }>(
      sql`select id, due_date as dueDate from resolutions
        where status in ('open', 'in_progress') and due_date is not null and due_date <= ${horizon}
          and meeting_id not in (select id from meetings where status <> 'final')`,
    );
    const details = new Map(
      resolutionsForMail(
        tx,
        open.map((r) => r.id),
      ).map((r) => [r.id, r]),
    );
    result.reminders = writeReminders(tx, today, days, details);
    result.digests = writeDigests(tx, today, details);
    tx.insert(schedulerRuns).values({ job: "daily", day: today, ranAt: clock.nowIso() }).onConflictDoNothing().run();
  });
  // Each running series has its next draft (one made by hand and deleted, or a series whose last slot was skipped).
  result.seriesDrafts = ensureSeriesDrafts({ userId: null });
  return result;
}

type Details = Map<number, ReturnType<typeof resolutionsForMail>[number]>;

function writeReminders(tx: Tx, today: string, days: number[], details: Details): number {
  const soon = addDays(today, DUE_SOON_DAYS);
  const owners = ownerPeopleOf(tx, [...details.keys()], { bodyChairs: false });
  const byPerson = new Map<number, number[]>();
  for (const [rid, ps] of owners) for (const p of ps) byPerson.set(p, [...(byPerson.get(p) ?? []), rid]);
  let written = 0;
  for (const to of recipientsOf(tx, byPerson.keys())) {
    const mine = (byPerson.get(to.personId) ?? []).map((id) => details.get(id)!).filter((r) => r?.dueDate);
    for (const r of mine) {
      if (r.dueDate! < today) notifyInApp(tx, to.userId, "overdue", r.id);
      else if (r.dueDate! <= soon) notifyInApp(tx, to.userId, "due_soon", r.id);
    }
    const key = `reminder:${today}:${to.personId}`;
    const already = tx.all(sql`select 1 from outbox where dedupe_key in (${key}, ${`${key}:o`})`).length > 0;
    if (already) continue;
    const upcoming = mine.filter((r) => r.dueDate! >= today && remindsToday(r.dueDate!, today, days));
    const overdue = mine.filter((r) => r.dueDate! < today);
    const last = overdue.length > 0 ? lastOverdueReminder(tx, to.personId) : null;
    const withOverdue = overdue.length > 0 && (!last || daysBetween(last, today) >= 7);
    const due = [...(withOverdue ? overdue : []), ...upcoming];
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
          return {
            text: `${localDigits(r.code, to.lang)}: ${r.subject} — ${t("mail.due", { date: formatJalali(r.dueDate, to.lang) })}، ${when}`,
            href: `/resolutions/${r.id}`,
          };
        }),
        link: "/my-actions",
      },
      { dedupeKey: withOverdue ? `${key}:o` : key },
    );
    if (ok) written++;
  }
  return written;
}

/** The chairs (seats in force) of bodies, with the bodies each chairs. */
function chairsOf(tx: Tx, today: string): Map<number, number[]> {
  const rows = tx.all<{ personId: number; bodyId: number }>(sql`select distinct person_id as personId, body_id as bodyId
    from memberships where role = 'chair' and body_id is not null
      and (start_date is null or start_date <= ${today}) and (end_date is null or end_date > ${today})`);
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), r.bodyId]);
  return out;
}

/** The weekly digest: one mail per chair per Persian week, their bodies' overdue and due-soon resolutions. */
function writeDigests(tx: Tx, today: string, details: Details): number {
  const week = weekOf(today).start;
  const soon = addDays(today, DIGEST_DAYS);
  const passedBy = new Map<number, ReturnType<typeof resolutionsForMail>>();
  for (const r of details.values()) {
    if (!r.dueDate || r.dueDate > soon) continue;
    passedBy.set(r.bodyId, [...(passedBy.get(r.bodyId) ?? []), r]);
  }
  const chairs = chairsOf(tx, today);
  let written = 0;
  for (const to of recipientsOf(tx, chairs.keys())) {
    const bodyIds = chairs.get(to.personId) ?? [];
    const sections = bodyIds
      .map((bodyId) => ({ bodyId, rows: passedBy.get(bodyId) ?? [] }))
      .filter((s) => s.rows.length > 0);
    if (sections.length === 0) continue;
    const t = serverI18n(to.lang).t;
    const names = tx
      .all<{ id: number; name: string }>(
        sql`select id, name from bodies where id in (${sql.join(
          sections.map((s) => sql`${s.bodyId}`),
          sql`, `,
        )})`,
      )
      .reduce((m, b) => m.set(b.id, b.name), new Map<number, string>());
    const line = (r: (typeof sections)[number]["rows"][number]) => {
      const left = daysBetween(today, r.dueDate!);
      return {
        text: `${localDigits(r.code, to.lang)}: ${r.subject} — ${t("mail.due", { date: formatJalali(r.dueDate, to.lang) })}${
          left < 0 ? `، ${t("mail.reminder.overdue", { count: -left })}` : ""
        }`,
        href: `/resolutions/${r.id}`,
      };
    };
    const ok = enqueueMail(
      tx,
      to,
      "digest",
      {
        subject: t("mail.digest.subject", {
          body: sections.map((s) => names.get(s.bodyId) ?? "").join(t("common.listSeparator")),
        }),
        paragraphs: [],
        sections: sections.flatMap((s) => {
          const overdue = s.rows.filter((r) => r.dueDate! < today);
          const dueSoon = s.rows.filter((r) => r.dueDate! >= today);
          return [
            {
              title: t("mail.digest.intro", { body: names.get(s.bodyId) ?? "" }),
              items: [],
            },
            ...(overdue.length
              ? [{ title: t("mail.digest.overdue", { count: overdue.length }), items: overdue.map(line) }]
              : []),
            ...(dueSoon.length
              ? [{ title: t("mail.digest.dueSoon", { count: dueSoon.length }), items: dueSoon.map(line) }]
              : []),
          ];
        }),
        link: "/overdue",
      },
      { dedupeKey: `digest:${week}:${to.personId}` },
    );
    if (ok) written++;
  }
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

/** When the daily jobs last ran (the admin's outbox page). */
export function lastDailyRun(): string | null {
  return (
    db.all<{ ranAt: string }>(
      sql`select ran_at as ranAt from scheduler_runs where job = 'daily' order by day desc limit 1`,
    )[0]?.ranAt ?? null
  );
}
