import { and, asc, count, eq, gt, gte } from "drizzle-orm";
import { loginAttempts, people, type Role, sessions, users } from "../../db/schema";
import type { AccountInput } from "../schemas/accounts";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { getDummyHash, hashPassword, needsRehash, verifyPassword } from "../utils/password.server";
import { formatPersonName } from "../utils/person-name";
import { RuleViolation } from "../utils/rules";
import { destroyAllSessions } from "../utils/session.server";
import { type Actor, recordAudit } from "./audit.server";
import { listPersonOptions } from "./people.server";

/** Wrong passwords allowed per account, and per address, within the window; the next one is refused with 429. */
export const MAX_FAILURES_PER_ACCOUNT = Number(process.env.LOGIN_MAX_FAILURES ?? 10);
export const MAX_FAILURES_PER_IP = Number(process.env.LOGIN_MAX_FAILURES_PER_IP ?? 50);
export const FAILURE_WINDOW_MS = 15 * 60_000;

export type LoginResult = { ok: true; userId: number; failedBefore: number } | { ok: false; throttled: boolean };

function failuresSince(where: ReturnType<typeof eq>, since: string): number {
  return (
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(where, eq(loginAttempts.ok, false), gte(loginAttempts.at, since)))
      .get()?.n ?? 0
  );
}

/**
 * Checks a username and password. After too many wrong passwords in 15 minutes for the account (or from the
 * address), attempts are refused without checking. Every attempt is logged and audited.
 */
export async function verifyLogin(rawUsername: string, password: string, ip = ""): Promise<LoginResult> {
  const username = rawUsername.trim().toLowerCase().slice(0, 100);
  const since = clock.nowIso(-FAILURE_WINDOW_MS);
  const user = db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .where(eq(users.username, username))
    .get();
  if (
    failuresSince(eq(loginAttempts.username, username), since) >= MAX_FAILURES_PER_ACCOUNT ||
    (ip && failuresSince(eq(loginAttempts.ip, ip), since) >= MAX_FAILURES_PER_IP)
  ) {
    recordAudit({
      userId: user?.id ?? null,
      action: "login_throttled",
      entity: "user",
      entityId: user?.id,
      ip,
      after: { username },
    });
    return { ok: false, throttled: true };
  }
  // An unknown username still costs one scrypt, so response time does not reveal which usernames exist.
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
  const ok = Boolean(user && passwordOk && !user.disabledAt);
  const at = clock.nowIso();
  db.insert(loginAttempts).values({ username, ip, ok, at }).run();
  if (!ok || !user) {
    recordAudit({
      userId: user?.id ?? null,
      action: "login_failed",
      entity: "user",
      entityId: user?.id,
      ip,
      after: { username },
    });
    return { ok: false, throttled: false };
  }
  const failedBefore =
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.username, username),
          eq(loginAttempts.ok, false),
          gt(loginAttempts.at, user.lastLoginAt ?? ""),
        ),
      )
      .get()?.n ?? 0;
  // A hash made at a lower cost (an older setting, or a test database) is made again now that the password is known.
  const passwordHash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
  db.update(users)
    .set({ lastLoginAt: at, ...(passwordHash ? { passwordHash } : {}) })
    .where(eq(users.id, user.id))
    .run();
  recordAudit({ userId: user.id, action: "login", entity: "user", entityId: user.id, ip });
  return { ok: true, userId: user.id, failedBefore };
}

/** Accounts for the admin, with their people. */
export function listUsers() {
  return db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      disabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
      person: people,
    })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .orderBy(asc(users.username))
    .all()
    .map(({ person, ...u }) => ({ ...u, name: person ? formatPersonName(person, "fa") : "" }));
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
  const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId)).get();
  if (!row || !(await verifyPassword(current, row.hash))) {
    recordAudit({ ...actor, action: "password_change_refused", entity: "user", entityId: actor.userId });
    return false;
  }
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
