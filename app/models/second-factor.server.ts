/**
 * The second factor: a one-time code (TOTP, RFC 6238: SHA-1, 6 digits, 30 s, from any authenticator app) or one of
 * ten recovery codes. Required of the admin and the secretariat (they hold every body's minutes) while the setting
 * `second_factor_required` is on — a new deployment's migration turns it on, the demo seed off; optional for others.
 * A code is accepted once (the step it belongs to is kept), one step early or late; wrong codes are throttled like
 * passwords (login-throttle, under the account name `2fa:<username>`).
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { type Role, recoveryCodes, settings, users } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import { toAsciiDigits } from "../utils/digits";
import { NotFoundError } from "../utils/errors";
import { destroyAllSessions } from "../utils/session.server";
import { type Actor, recordAudit } from "./audit.server";
import { attemptSucceeded, beginAttempt } from "./login-throttle.server";

export const SECOND_FACTOR_SETTING = "second_factor_required";
const REQUIRED_ROLES: readonly Role[] = ["admin", "secretariat"];
const ISSUER = "ستاد سرشماری ثبتی مبنا";
const RECOVERY_CODES = 10;

const hash = (code: string) => createHash("sha256").update(code).digest("hex");

function totp(secret: string, username: string) {
  return new TOTP({ issuer: ISSUER, label: username, secret: Secret.fromBase32(secret) });
}

/** True when this deployment requires a second factor of the admin and the secretariat. */
export function isSecondFactorEnforced(): boolean {
  return db.select().from(settings).where(eq(settings.key, SECOND_FACTOR_SETTING)).get()?.value !== "0";
}

export function setSecondFactorEnforced(actor: Actor, on: boolean) {
  writeTransaction((tx) => {
    const value = on ? "1" : "0";
    tx.insert(settings)
      .values({ key: SECOND_FACTOR_SETTING, value })
      .onConflictDoUpdate({ target: settings.key, set: { value } })
      .run();
    recordAudit({ ...actor, action: "update", entity: "settings", after: { secondFactorRequired: on } }, tx);
  });
}

/** Whether a role must have a second factor here. */
export function isSecondFactorRequired(role: Role): boolean {
  return REQUIRED_ROLES.includes(role) && isSecondFactorEnforced();
}

export function hasSecondFactor(userId: number): boolean {
  return Boolean(db.select({ s: users.totpSecret }).from(users).where(eq(users.id, userId)).get()?.s);
}

/** The second factor of an account as its page shows it. */
export function secondFactorStatus(userId: number, role: Role) {
  const row = db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).get();
  const left = db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .all().length;
  return { enabledAt: row?.enabledAt ?? null, recoveryCodesLeft: left, required: isSecondFactorRequired(role) };
}

/**
 * The secret being set up (made once, kept until confirmed, so a reload shows the same QR code), as the
 * `otpauth://` address, its QR code (SVG) and the base32 text for typing it in by hand.
 */
export async function setupSecret(userId: number) {
  const row = db
    .select({ username: users.username, pending: users.totpPendingSecret })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row) throw new NotFoundError();
  let secret = row.pending;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, userId)).run();
  }
  const uri = totp(secret, row.username).toString();
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, svg };
}

/** The step of `code` for `secret` (one step early or late allowed), or null when it is not the code. */
function stepOf(secret: string, username: string, code: string): number | null {
  const token = toAsciiDigits(code).replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const t = totp(secret, username);
  const timestamp = clock.nowMs();
  const delta = t.validate({ token, timestamp, window: 1 });
  return delta === null ? null : t.counter({ timestamp }) + delta;
}

function newRecoveryCodes(tx: Tx, userId: number): string[] {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(7).toString("hex").slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  tx.insert(recoveryCodes)
    .values(codes.map((c) => ({ userId, codeHash: hash(c) })))
    .run();
  return codes;
}

/**
 * Turns the second factor on when `code` is right for the secret being set up, and returns the ten recovery codes
 * (shown once; only their hashes are kept). Null when the code is wrong: nothing changes.
 */
export function confirmSetup(actor: Actor & { userId: number }, code: string): string[] | null {
  return writeTransaction((tx) => {
    const row = tx
      .select({ username: users.username, pending: users.totpPendingSecret })
      .from(users)
      .where(eq(users.id, actor.userId))
      .get();
    const step = row?.pending ? stepOf(row.pending, row.username, code) : null;
    if (!row?.pending || step === null) {
      recordAudit({ ...actor, action: "second_factor_refused", entity: "user", entityId: actor.userId }, tx);
      return null;
    }
    tx.update(users)
      .set({ totpSecret: row.pending, totpPendingSecret: null, totpEnabledAt: clock.nowIso(), totpLastStep: step })
      .where(eq(users.id, actor.userId))
      .run();
    const codes = newRecoveryCodes(tx, actor.userId);
    recordAudit({ ...actor, action: "second_factor_enabled", entity: "user", entityId: actor.userId }, tx);
    return codes;
  });
}

export type SecondFactorCheck = { ok: true; by: "code" | "recovery" } | { ok: false; waitMs?: number };

/**
 * Checks a one-time code or a recovery code of an account, throttled like passwords. A code is used once: the same
 * code again, or an older one, is refused; a recovery code is crossed out.
 */
export function verifySecondFactor(userId: number, code: string, ip = ""): SecondFactorCheck {
  const row = db
    .select({ username: users.username, secret: users.totpSecret, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row?.secret) return { ok: false };
  const attempt = beginAttempt(`2fa:${row.username}`, ip);
  if ("waitMs" in attempt) return { ok: false, waitMs: attempt.waitMs };
  const result = writeTransaction((tx): SecondFactorCheck => {
    const step = stepOf(row.secret as string, row.username, code);
    if (step !== null && step > (row.lastStep ?? -1)) {
      const { changes } = tx
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, userId), eq(users.totpLastStep, row.lastStep ?? -1)))
        .run();
      if (changes === 1 || row.lastStep === null) return { ok: true, by: "code" };
    }
    const recovery = code.trim().toLowerCase();
    if (/^[0-9a-f]{5}-[0-9a-f]{5}$/.test(recovery)) {
      const { changes } = tx
        .update(recoveryCodes)
        .set({ usedAt: clock.nowIso() })
        .where(
          and(
            eq(recoveryCodes.userId, userId),
            eq(recoveryCodes.codeHash, hash(recovery)),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .run();
      if (changes === 1) return { ok: true, by: "recovery" };
    }
    return { ok: false };
  });
  if (result.ok) attemptSucceeded(attempt.id);
  recordAudit({
    userId,
    action: result.ok ? `second_factor_${result.by}` : "second_factor_refused",
    entity: "user",
    entityId: userId,
    ip,
  });
  return result;
}

/** Ten new recovery codes in place of the old ones, for a person who proves it is them with a current code. */
export function renewRecoveryCodes(actor: Actor & { userId: number }, code: string): string[] | null {
  if (!verifySecondFactor(actor.userId, code, actor.ip).ok) return null;
  return writeTransaction((tx) => {
    const codes = newRecoveryCodes(tx, actor.userId);
    recordAudit({ ...actor, action: "recovery_codes_renewed", entity: "user", entityId: actor.userId }, tx);
    return codes;
  });
}

function clear(tx: Tx, userId: number) {
  tx.update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId))
    .run();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
}

/** A person whose role does not require it turns their second factor off, with a current code. */
export function disableOwnSecondFactor(actor: Actor & { userId: number }, role: Role, code: string): boolean {
  if (isSecondFactorRequired(role) || !verifySecondFactor(actor.userId, code, actor.ip).ok) return false;
  writeTransaction((tx) => {
    clear(tx, actor.userId);
    recordAudit({ ...actor, action: "second_factor_disabled", entity: "user", entityId: actor.userId }, tx);
  });
  return true;
}

/** The admin resets a person's second factor (a lost phone): it is cleared and the account's sessions end. */
export function resetSecondFactor(actor: Actor, userId: number) {
  writeTransaction((tx) => {
    if (!tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) throw new NotFoundError();
    clear(tx, userId);
    destroyAllSessions(userId, undefined, tx);
    recordAudit({ ...actor, action: "second_factor_reset", entity: "user", entityId: userId }, tx);
  });
}
