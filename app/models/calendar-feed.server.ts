/**
 * A person's private calendar feed (تقویم شخصی): one secret address a calendar app (Outlook, Google Calendar, a
 * phone) subscribes to, without a session. It lists the meetings of the bodies and groups they sit on (from 90 days
 * back; drafts too, since an upcoming meeting is a draft until held) and the deadlines of their «my actions». Only the
 * key's SHA-256 is kept; the address is shown once, and revoking or renewing it closes the old one at once.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gte, inArray, isNull, or } from "drizzle-orm";
import { bodies, calendarFeeds, meetings, users, workingGroups } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db, type Tx, writeTransaction } from "../utils/db.server";
import { isLang } from "../utils/i18n";
import { type CalendarDeadline, type CalendarMeeting, feedIcs } from "../utils/ics.server";
import { addDays, formatJalaliLong } from "../utils/jalali";
import { serverI18n } from "../utils/locale.server";
import { meetingTitle } from "../utils/meeting-title";
import { scopeFor } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { listMyActions } from "./my-actions.server";

const hashOf = (key: string) => createHash("sha256").update(key).digest("hex");
/** Keys are 32 random bytes, base64url: 43 characters. Anything else is not looked up. */
const KEY_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The user's live feed (when it was made and last read), or null. */
export function feedOf(userId: number) {
  return (
    db
      .select({ createdAt: calendarFeeds.createdAt, lastReadAt: calendarFeeds.lastReadAt })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
      .get() ?? null
  );
}

/** Revokes the user's live feed, if any: its key answers nothing from now on. */
function closeLiveFeed(tx: Tx, userId: number) {
  tx.update(calendarFeeds)
    .set({ revokedAt: clock.nowIso() })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .run();
}

/** Makes the user a new feed key, revoking the one before; returns the key (shown once, never kept). */
export function renewFeed(actor: Actor, userId: number): string {
  const key = randomBytes(32).toString("base64url");
  writeTransaction((tx) => {
    closeLiveFeed(tx, userId);
    tx.insert(calendarFeeds)
      .values({ userId, keyHash: hashOf(key) })
      .run();
    recordAudit({ ...actor, action: "update", entity: "user", entityId: userId, after: { calendarFeed: "new" } }, tx);
  });
  return key;
}

/** Closes the user's feed: its address answers 404 from now on. */
export function revokeFeed(actor: Actor, userId: number) {
  writeTransaction((tx) => {
    closeLiveFeed(tx, userId);
    recordAudit(
      { ...actor, action: "update", entity: "user", entityId: userId, after: { calendarFeed: "revoked" } },
      tx,
    );
  });
}

/**
 * The feed's calendar for a key, or null when the key is unknown, revoked or its user disabled. Read with the
 * user's own scope, so it never holds more than they may read.
 */
export function feedCalendar(key: string, appUrl: string): string | null {
  if (!KEY_SHAPE.test(key)) return null;
  const feed = db
    .select({
      id: calendarFeeds.id,
      userId: users.id,
      role: users.role,
      personId: users.personId,
      lang: users.language,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.keyHash, hashOf(key)), isNull(calendarFeeds.revokedAt), isNull(users.disabledAt)))
    .get();
  if (!feed) return null;
  db.update(calendarFeeds).set({ lastReadAt: clock.nowIso() }).where(eq(calendarFeeds.id, feed.id)).run();
  const scope = scopeFor({ id: feed.userId, role: feed.role, personId: feed.personId });
  // In the person's language (their mail's), since a calendar app sends no cookie.
  const lang = isLang(feed.lang) ? feed.lang : "fa";
  const t = serverI18n(lang).t;
  const today = clock.today();
  const seats = [
    scope.bodyIds.length
      ? and(inArray(meetings.bodyId, [...scope.bodyIds]), isNull(meetings.workingGroupId))
      : undefined,
    scope.groupIds.length ? inArray(meetings.workingGroupId, [...scope.groupIds]) : undefined,
  ].filter(Boolean);
  const held = seats.length
    ? db
        .select({
          id: meetings.id,
          number: meetings.number,
          date: meetings.date,
          startTime: meetings.startTime,
          endTime: meetings.endTime,
          place: meetings.place,
          version: meetings.version,
          edition: meetings.edition,
          bodyName: bodies.name,
          groupName: workingGroups.name,
        })
        .from(meetings)
        .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
        .leftJoin(workingGroups, eq(workingGroups.id, meetings.workingGroupId))
        .where(and(or(...seats), gte(meetings.date, addDays(today, -90))))
        .orderBy(desc(meetings.date))
        .limit(500)
        .all()
    : [];
  const calendarMeetings: CalendarMeeting[] = held.map((m) => ({
    uid: `meeting-${m.id}@census-hq`,
    sequence: m.version + m.edition - 2,
    title: meetingTitle(t, m),
    description: `${t("feed.date", { date: formatJalaliLong(m.date, lang) })}\n${appUrl}/meetings/${m.id}`,
    location: m.place,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    url: `${appUrl}/meetings/${m.id}`,
  }));
  const deadlines: CalendarDeadline[] = listMyActions(scope, today, { limit: 500 })
    .rows.filter((r) => r.dueDate)
    .map((r) => ({
      uid: `resolution-${r.id}@census-hq`,
      title: t("feed.deadline", { code: r.code, subject: r.subject }),
      description: `${r.bodyName}\n${appUrl}/resolutions/${r.id}`,
      date: r.dueDate as string,
      url: `${appUrl}/resolutions/${r.id}`,
    }));
  return feedIcs(t("feed.name"), calendarMeetings, deadlines);
}
