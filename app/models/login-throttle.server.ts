/**
 * How sign-in is held back after wrong passwords: growing delays rather than a flat lock, so an attacker gets a
 * handful of guesses and the owner is never locked out for long. Three counters, each of failures since its last
 * success within a day: the account from one address (5 free, then 1 s, 2 s, 4 s … up to 15 minutes after the last
 * failure), the account from every address (10 free; an address the account signed in from in the last 90 days is
 * not held back by it, so failures elsewhere cannot keep the owner out) and the address for every account (50 free).
 *
 * An attempt is counted before its password is hashed, in the same transaction that reads the counters, so parallel
 * attempts cannot all pass the check before any is written.
 */
import { and, count, eq, gt, gte, max, type SQL } from "drizzle-orm";
import { loginAttempts } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { type Actor, recordAudit } from "./audit.server";

export const FREE_FAILURES = {
  pair: Number(process.env.LOGIN_FREE_FAILURES ?? 5),
  account: Number(process.env.LOGIN_FREE_FAILURES_PER_ACCOUNT ?? 10),
  address: Number(process.env.LOGIN_FREE_FAILURES_PER_IP ?? 50),
};
export const MAX_DELAY_MS = 15 * 60_000;
const WINDOW_MS = 24 * 60 * 60_000;
const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60_000;

type Counter = { failures: number; lastFailureAt: string | null };

/** Failures matching `where` since the last success matching it, within the window. */
function counter(where: SQL | undefined): Counter {
  const lastOk =
    db
      .select({ at: max(loginAttempts.at) })
      .from(loginAttempts)
      .where(and(where, eq(loginAttempts.ok, true)))
      .get()?.at ?? "";
  const since = clock.nowIso(-WINDOW_MS);
  const row = db
    .select({ n: count(), last: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(where, eq(loginAttempts.ok, false), gte(loginAttempts.at, since), gt(loginAttempts.at, lastOk)))
    .get();
  return { failures: row?.n ?? 0, lastFailureAt: row?.last ?? null };
}

/** The delay after `failures` wrong passwords when `free` are allowed: 0, then 1 s doubling up to 15 minutes. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(1000 * 2 ** (failures - free), MAX_DELAY_MS);
}

function waitOf(c: Counter, free: number, now: number): number {
  const delay = delayAfter(c.failures, free);
  if (!delay || !c.lastFailureAt) return 0;
  return Math.max(0, Date.parse(c.lastFailureAt) + delay - now);
}

/** How long (ms) a sign-in to `username` from `ip` must wait now; 0 when it may be tried. */
export function loginWait(username: string, ip: string): number {
  const now = clock.nowMs();
  const byAccount = eq(loginAttempts.username, username);
  const known = db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        byAccount,
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.ok, true),
        gte(loginAttempts.at, clock.nowIso(-KNOWN_ADDRESS_MS)),
      ),
    )
    .get()?.n;
  return Math.max(
    waitOf(counter(and(byAccount, eq(loginAttempts.ip, ip))), FREE_FAILURES.pair, now),
    known ? 0 : waitOf(counter(byAccount), FREE_FAILURES.account, now),
    ip ? waitOf(counter(eq(loginAttempts.ip, ip)), FREE_FAILURES.address, now) : 0,
  );
}

/**
 * Counts an attempt before its password is checked: in one transaction, the wait is read and, when there is none,
 * the attempt is written as a failure. Returns the attempt's id, or the wait in ms when it must not be tried.
 */
export function beginAttempt(username: string, ip: string): { id: number } | { waitMs: number } {
  return writeTransaction((tx) => {
    const waitMs = loginWait(username, ip);
    if (waitMs > 0) return { waitMs };
    const row = tx
      .insert(loginAttempts)
      .values({ username, ip, ok: false, at: clock.nowIso() })
      .returning({ id: loginAttempts.id })
      .get();
    return { id: row.id };
  });
}

/** Marks a counted attempt as a success. */
export function attemptSucceeded(id: number) {
  db.update(loginAttempts).set({ ok: true }).where(eq(loginAttempts.id, id)).run();
}

/** Wrong passwords for `username` since `after` (its previous sign-in): what the owner is told when they sign in. */
export function failuresSince(username: string, after: string | null): number {
  return (
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.username, username), eq(loginAttempts.ok, false), gt(loginAttempts.at, after ?? "")))
      .get()?.n ?? 0
  );
}

/** The admin lifts every delay on an account (its failures stop counting; each one stays in the audit log). */
export function clearLoginDelays(actor: Actor, userId: number, username: string) {
  writeTransaction((tx) => {
    const { changes } = tx
      .delete(loginAttempts)
      .where(and(eq(loginAttempts.username, username), eq(loginAttempts.ok, false)))
      .run();
    recordAudit(
      { ...actor, action: "login_unlocked", entity: "user", entityId: userId, after: { failures: changes } },
      tx,
    );
  });
}

/** Wrong passwords per account since its last sign-in today's counter holds (only accounts that have some). */
export function accountFailures(usernames: string[]): Map<string, number> {
  const failures = new Map<string, number>();
  for (const username of usernames) {
    const n = counter(eq(loginAttempts.username, username)).failures;
    if (n > 0) failures.set(username, n);
  }
  return failures;
}
