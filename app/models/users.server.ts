import { and, asc, eq, gt } from "drizzle-orm";
import { people, type Role, sessions, users } from "../../db/schema";
import type { AccountInput } from "../schemas/accounts";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { getDummyHash, hashPassword, needsRehash, verifyPassword } from "../utils/password.server";
import { checkPassword } from "../utils/password-rules.server";
import { formatPersonName } from "../utils/person-name";
import { RuleViolation } from "../utils/rules";
import { destroyAllSessions } from "../utils/session.server";
import { type Actor, recordAudit } from "./audit.server";
import {
  accountFailures,
  attemptSucceeded,
  beginAttempt,
  clearLoginDelays,
  failuresSince,
} from "./login-throttle.server";
import { listPersonOptions } from "./people.server";

export type LoginResult =
  | { ok: true; userId: number; role: Role; failedBefore: number }
  | { ok: false; waitMs: number }
  | { ok: false; waitMs?: undefined };

/**
 * Checks a username and password. The attempt is counted before the password is hashed (login-throttle), and while
 * the account or address must wait, nothing is checked. Every attempt is audited.
 */
export async function verifyLogin(rawUsername: string, password: string, ip = ""): Promise<LoginResult> {
  const username = rawUsername.trim().toLowerCase().slice(0, 100);
  const user = db
    .select({
      id: users.id,
      role: users.role,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .where(eq(users.username, username))
    .get();
  const attempt = beginAttempt(username, ip);
  if ("waitMs" in attempt) {
    recordAudit({
      userId: user?.id ?? null,
      action: "login_throttled",
      entity: "user",
      entityId: user?.id,
      ip,
      after: { username },
    });
    return { ok: false, waitMs: attempt.waitMs };
  }
  // An unknown username still costs one scrypt, so response time does not reveal which usernames exist.
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()), ip);
  if (!user || !passwordOk || user.disabledAt) {
    recordAudit({
      userId: user?.id ?? null,
      action: "login_failed",
      entity: "user",
      entityId: user?.id,
      ip,
      after: { username },
    });
    return { ok: false };
  }
  attemptSucceeded(attempt.id);
  const failedBefore = failuresSince(username, user.lastLoginAt);
  // A hash made at a lower cost (an older setting, or a test database) is made again now that the password is known.
  const passwordHash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
  db.update(users)
    .set({ lastLoginAt: clock.nowIso(), ...(passwordHash ? { passwordHash } : {}) })
    .where(eq(users.id, user.id))
    .run();
  recordAudit({ userId: user.id, action: "login", entity: "user", entityId: user.id, ip });
  return { ok: true, userId: user.id, role: user.role, failedBefore };
}

/** What a password must not be built on: the username and the person's names. */
function personalWords(username: string, personId: number | null): string[] {
  const person = personId
    ? db.select({ first: people.firstName, last: people.lastName }).from(people).where(eq(people.id, personId)).get()
    : undefined;
  return [username, person?.first ?? "", person?.last ?? ""];
}

/** Accounts for the admin, with their people. */
export function listUsers() {
  const rows = db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      disabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
      secondFactorSince: users.totpEnabledAt,
      person: people,
    })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .orderBy(asc(users.username))
    .all();
  const failures = accountFailures(rows.map((u) => u.username));
  return rows.map(({ person, ...u }) => ({
    ...u,
    name: person ? formatPersonName(person, "fa") : "",
    failures: failures.get(u.username) ?? 0,
  }));
}

/** Lifts the sign-in delays of an account (README: how an admin unlocks). */
export function unlockUser(actor: Actor, userId: number) {
  const row = db.select({ username: users.username }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new NotFoundError();
  clearLoginDelays(actor, userId, row.username);
}

/** Disables an account and ends all its sessions at once; enabling lets it sign in again. */
export function setUserDisabled(actor: Actor, userId: number, disabled: boolean) {
  writeTransaction((tx) => {
    const before = tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new NotFoundError();
    const disabledAt = disabled ? clock.nowIso() : null;
    tx.update(users).set({ disabledAt }).where(eq(users.id, userId)).run();
    if (disabled) destroyAllSessions(userId, undefined, tx);
    recordAudit(
      {
        ...actor,
        action: disabled ? "user_disabled" : "user_enabled",
        entity: "user",
        entityId: userId,
        before,
        after: { disabledAt },
      },
      tx,
    );
  });
}

/** Active people who have no account yet, by last name: whom a new account can belong to. */
export function peopleWithoutAccount() {
  const taken = new Set(
    db
      .select({ personId: users.personId })
      .from(users)
      .all()
      .map((u) => u.personId),
  );
  return listPersonOptions()
    .filter((p) => !taken.has(p.id))
    .map((p) => ({ id: p.id, name: formatPersonName(p, "fa") }));
}

/** The field a unique index refused, as a rule the form shows next to that field. */
function accountConflict(error: unknown): RuleViolation | null {
  const message = error instanceof Error ? error.message : "";
  if (message.includes("users.username")) return new RuleViolation("username_taken", "username");
  if (message.includes("users.person_id")) return new RuleViolation("person_has_account", "personId");
  return null;
}

/**
 * Creates an account. The database's unique indexes decide whether the username or the person is taken, so two
 * admins creating the same account at once get one account and one message.
 */
export async function createUser(actor: Actor, input: AccountInput): Promise<number> {
  await checkPassword(input.password, personalWords(input.username, input.personId));
  const passwordHash = await hashPassword(input.password);
  try {
    return writeTransaction((tx) => {
      if (
        input.personId !== null &&
        !tx.select({ id: people.id }).from(people).where(eq(people.id, input.personId)).get()
      )
        throw new RuleViolation("unknown_person", "personId");
      const row = tx
        .insert(users)
        .values({ username: input.username, role: input.role, personId: input.personId, passwordHash })
        .returning({ id: users.id })
        .get();
      recordAudit(
        {
          ...actor,
          action: "user_created",
          entity: "user",
          entityId: row.id,
          after: { username: input.username, role: input.role, personId: input.personId },
        },
        tx,
      );
      return row.id;
    });
  } catch (error) {
    throw accountConflict(error) ?? error;
  }
}

/** Changes an account's role; its open sessions end, so the new role holds from the next page on. */
export function setUserRole(actor: Actor, userId: number, role: Role) {
  writeTransaction((tx) => {
    const before = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new NotFoundError();
    if (before.role === role) return;
    tx.update(users).set({ role }).where(eq(users.id, userId)).run();
    destroyAllSessions(userId, undefined, tx);
    recordAudit(
      { ...actor, action: "user_role_changed", entity: "user", entityId: userId, before, after: { role } },
      tx,
    );
  });
}

/** Sets a new password chosen by the admin and ends every session of the account. */
export async function resetPassword(actor: Actor, userId: number, password: string) {
  const account = db
    .select({ username: users.username, personId: users.personId })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!account) throw new NotFoundError();
  await checkPassword(password, personalWords(account.username, account.personId));
  const passwordHash = await hashPassword(password);
  writeTransaction((tx) => {
    const found = tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get();
    if (!found) throw new NotFoundError();
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    destroyAllSessions(userId, undefined, tx);
    // The hash is never written to the audit log.
    recordAudit({ ...actor, action: "password_reset", entity: "user", entityId: userId }, tx);
  });
}

/**
 * Changes the user's own password when the current one is right, and ends their other sessions (a stolen one
 * included); this session stays. False when the current password is wrong: nothing changes.
 */
export async function changeOwnPassword(
  actor: Actor & { userId: number },
  sessionId: string,
  current: string,
  next: string,
): Promise<boolean> {
  const row = db
    .select({ hash: users.passwordHash, username: users.username, personId: users.personId })
    .from(users)
    .where(eq(users.id, actor.userId))
    .get();
  if (!row || !(await verifyPassword(current, row.hash, actor.ip))) {
    recordAudit({ ...actor, action: "password_change_refused", entity: "user", entityId: actor.userId });
    return false;
  }
  await checkPassword(next, personalWords(row.username, row.personId), "newPassword");
  const passwordHash = await hashPassword(next);
  writeTransaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId)).run();
    destroyAllSessions(actor.userId, sessionId, tx);
    recordAudit({ ...actor, action: "password_changed", entity: "user", entityId: actor.userId }, tx);
  });
  return true;
}

/** The user's live sessions, newest first. */
export function listSessions(userId: number) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, clock.nowIso())))
    .orderBy(asc(sessions.createdAt))
    .all();
}
