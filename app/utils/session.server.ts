import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { and, eq, like, lt, ne, sql } from "drizzle-orm";
import { auditLog, people, type Role, sessions, users } from "../../db/schema";
import * as clock from "./clock.server";
import { db } from "./db.server";
import { formatPersonName } from "./person-name";

export const IDLE_TIMEOUT_MS = Number(process.env.SESSION_IDLE_MINUTES ?? 30) * 60_000;
export const ABSOLUTE_TIMEOUT_MS = Number(process.env.SESSION_ABSOLUTE_HOURS ?? 12) * 3_600_000;
// Writing last_seen_at on every request would turn every page view into a write; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

function sessionCookie(request: Request) {
  const secure = new URL(request.url).protocol === "https:";
  // Over HTTPS the __Host- prefix pins the cookie to this host and path, with Secure.
  return createCookie(secure ? "__Host-session" : "session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
  });
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type SessionUser = {
  id: number;
  username: string;
  role: Role;
  personId: number | null;
  displayName: string;
  sessionId: string;
  /** Failed sign-ins on the account between its previous sign-in and this session's. */
  failedBefore: number;
  /** `setup`: signed in with a password, but this account must set up its second factor before anything else. */
  step: "setup" | null;
};

/** How long the password step of a sign-in waits for its second factor. */
const CODE_STEP_MS = 5 * 60_000;

/**
 * Creates a session for a user and returns the Set-Cookie header. A session at step `code` is not signed in yet: it
 * only lets /login/code finish the sign-in, for five minutes.
 */
export async function createUserSession(
  request: Request,
  userId: number,
  ip = "",
  failedBefore = 0,
  step: "code" | "setup" | null = null,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = clock.nowMs();
  db.insert(sessions)
    .values({
      id: hashToken(token),
      userId,
      lastSeenAt: new Date(now).toISOString(),
      expiresAt: new Date(now + (step === "code" ? CODE_STEP_MS : ABSOLUTE_TIMEOUT_MS)).toISOString(),
      ip,
      userAgent: (request.headers.get("user-agent") ?? "").slice(0, 300),
      failedBefore,
      step,
    })
    .run();
  // Old, expired sessions are swept at sign-in rather than by a timer.
  db.delete(sessions)
    .where(lt(sessions.expiresAt, new Date(now).toISOString()))
    .run();
  return sessionCookie(request).serialize(token, { maxAge: ABSOLUTE_TIMEOUT_MS / 1000 });
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

// Every signed-in page asks this; the statement is built once, not for each request.
const sessionLookup = db
  .select({
    id: users.id,
    username: users.username,
    role: users.role,
    personId: users.personId,
    disabledAt: users.disabledAt,
    lastSeenAt: sessions.lastSeenAt,
    expiresAt: sessions.expiresAt,
    failedBefore: sessions.failedBefore,
    step: sessions.step,
    honorific: people.honorific,
    title: people.title,
    firstName: people.firstName,
    lastName: people.lastName,
  })
  .from(sessions)
  .innerJoin(users, eq(users.id, sessions.userId))
  .leftJoin(people, eq(people.id, users.personId))
  .where(eq(sessions.id, sql.placeholder("id")))
  .prepare();

/** The live session of the request's cookie, at whichever step. */
async function liveSession(request: Request) {
  const token = await readToken(request);
  if (!token) return null;
  const id = hashToken(token);
  const row = sessionLookup.get({ id });
  if (!row) return null;
  const now = clock.nowMs();
  if (row.disabledAt || Date.parse(row.expiresAt) <= now || now - Date.parse(row.lastSeenAt) > IDLE_TIMEOUT_MS) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  return { ...row, sessionId: id };
}

/** A sign-in whose password was right and which waits for its second factor (/login/code), or null. */
export async function getPendingSignIn(request: Request) {
  const row = await liveSession(request);
  return row?.step === "code" ? { sessionId: row.sessionId, userId: row.id, failedBefore: row.failedBefore } : null;
}

/** Finishes a sign-in at its second factor: the waiting session is replaced by a new one (a new token). */
export async function completeSignIn(
  request: Request,
  pending: { sessionId: string; userId: number; failedBefore: number },
  ip: string,
): Promise<string> {
  db.delete(sessions).where(eq(sessions.id, pending.sessionId)).run();
  return createUserSession(request, pending.userId, ip, pending.failedBefore);
}

/** The session has set up its second factor: it is a full session from now on. */
export function finishSetupStep(sessionId: string) {
  db.update(sessions).set({ step: null }).where(eq(sessions.id, sessionId)).run();
}

/** The signed-in user, or null when there is no live session (or it still waits for its second factor). */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const row = await liveSession(request);
  if (!row || row.step === "code") return null;
  const id = row.sessionId;
  const now = clock.nowMs();
  if (now - Date.parse(row.lastSeenAt) > TOUCH_INTERVAL_MS) {
    db.update(sessions)
      .set({ lastSeenAt: new Date(now).toISOString() })
      .where(eq(sessions.id, id))
      .run();
  }
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    personId: row.personId,
    displayName:
      row.lastName && row.honorific
        ? formatPersonName(
            { honorific: row.honorific, title: row.title, firstName: row.firstName ?? "", lastName: row.lastName },
            "fa",
          )
        : row.username,
    sessionId: id,
    failedBefore: row.failedBefore,
    step: row.step === "setup" ? "setup" : null,
  };
}

/** Sends a visitor who is not signed in to the sign-in page, remembering where they were going. */
export function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

/** Writes a refused access to the audit log without answering (for JSON endpoints). */
export function recordDenied(user: { id: number | null }, request: Request) {
  const url = new URL(request.url);
  db.insert(auditLog)
    .values({
      userId: user.id,
      action: "access_denied",
      entity: "route",
      after: JSON.stringify({ method: request.method, path: url.pathname }),
    })
    .run();
}

/** Ends the current session on the server and returns the header that clears the cookie. */
export async function destroyUserSession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token)
    db.delete(sessions)
      .where(eq(sessions.id, hashToken(token)))
      .run();
  return sessionCookie(request).serialize("", { maxAge: 0 });
}

/**
 * Ends every session of a user, or all but one (sign out everywhere, a disabled account, a new password or role);
 * inside a transaction, pass its `tx` as the writer.
 */
export function destroyAllSessions(userId: number, exceptSessionId?: string, writer: Pick<typeof db, "delete"> = db) {
  writer
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
        : eq(sessions.userId, userId),
    )
    .run();
}

/** Ends one of the user's own sessions, named by the first 12 characters of its id. */
export function endSession(userId: number, idPrefix: string) {
  db.delete(sessions)
    .where(and(eq(sessions.userId, userId), like(sessions.id, `${idPrefix.replace(/[^0-9a-f]/g, "")}%`)))
    .run();
}

/**
 * Only a path on this server is accepted as a place to return to after sign-in: read as a browser reads it (which
 * drops tabs and newlines, so `/\t/host` would be `//host`, another host), it must keep this origin. What comes
 * back is the parsed path, percent-encoded, so it is always a valid Location header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string" || !to.startsWith("/") || to.length > 2000) return fallback;
  const base = "http://this-server.invalid";
  try {
    const url = new URL(to, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
