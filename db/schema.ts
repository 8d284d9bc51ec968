/**
 * Every table of the app. Dates are Gregorian `YYYY-MM-DD` text, times of day `HH:MM`, instants ISO-8601 UTC text.
 * Rules that must hold under concurrent requests (the 4 × 7 caps, one number per meeting per body,
 * final minutes being read-only) are enforced here and in the hand-written migrations' triggers.
 */
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import * as clock from "../app/utils/clock.server";
import {
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  DATA_FREQUENCIES,
  DATA_LEVELS,
  DOCUMENT_ENTITIES,
  DOCUMENT_TYPES,
  FOLLOW_UP_KINDS,
  HOLIDAY_KINDS,
  HONORIFICS,
  MEETING_MODES,
  MEMBERSHIP_ROLES,
  NOTIFICATION_KINDS,
  ORGANISATION_KINDS,
  QUORUM_KINDS,
  RESOLUTION_NUMBERINGS,
  RESOLUTION_STATUSES,
  ROLES,
  SERIES_FREQUENCIES,
  SIGNOFF_RESPONSES,
  SIGNOFF_RULES,
  SIGNOFF_STATUSES,
  STAGE_KINDS,
  TIMEFRAME_KINDS,
  TITLES,
  VOTE_KINDS,
} from "./enums";

export * from "./enums";

// The app writes the instant from its one clock. The schema declares no SQL default: drizzle puts a declared one
// into every insert in place of $defaultFn (so rows were stamped by SQLite's clock, not the pinned one in tests).
// The tables keep the default of migration 0000 for rows written by hand.
const createdAt = () =>
  text("created_at")
    .notNull()
    .$defaultFn(() => clock.nowIso());

/** Headquarters → council → committees, plus the secretariat. */
export const bodies = sqliteTable(
  "bodies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: BODY_KINDS }).notNull(),
    parentId: integer("parent_id").references((): AnySQLiteColumn => bodies.id),
    name: text("name").notNull(),
    /** Short code used in resolution codes, e.g. «شورا» in «شورا/۱۲/۳». */
    code: text("code").notNull().default(""),
    /** Committees outside the statistical centre (برون مرکز). */
    isExternal: integer("is_external", { mode: "boolean" }).notNull().default(false),
    duties: text("duties").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    /** The number of the first meeting kept here: an archive continues at meeting 18, not 1. */
    firstMeetingNumber: integer("first_meeting_number").notNull().default(1),
    /** Resolutions numbered per meeting or in one running sequence across the body's meetings. */
    resolutionNumbering: text("resolution_numbering", { enum: RESOLUTION_NUMBERINGS }).notNull().default("per_meeting"),
    /** With running numbering, the number of the first resolution kept here (an archive continues at 346). */
    firstResolutionNumber: integer("first_resolution_number").notNull().default(1),
    /** The quorum rule: none, more than half the members, or at least `quorumCount` of them. */
    quorumKind: text("quorum_kind", { enum: QUORUM_KINDS }).notNull().default("none"),
    quorumCount: integer("quorum_count"),
    /** A council outside the HQ that keeps its minutes here: no parent, not in the HQ's chart or reports. */
    outsideHq: integer("outside_hq", { mode: "boolean" }).notNull().default(false),
    /** Who must confirm final minutes before they are signed: all those present, or more than half of them. */
    signoffRule: text("signoff_rule", { enum: SIGNOFF_RULES }).notNull().default("all"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    uniqueIndex("bodies_name_unique").on(t.name),
    index("bodies_parent_idx").on(t.parentId),
    check("bodies_kind_check", sql`${t.kind} in ('headquarters','council','committee','secretariat')`),
  ],
);

/** Working groups (کارگروه) under a committee: at most four open ones per committee. */
export const workingGroups = sqliteTable(
  "working_groups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    committeeId: integer("committee_id")
      .notNull()
      .references(() => bodies.id),
    name: text("name").notNull(),
    duties: text("duties").notNull().default(""),
    closedAt: text("closed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("working_groups_committee_idx").on(t.committeeId)],
);

/** Organisations outside the HQ (دستگاه‌های اجرایی، استان‌ها، پژوهشکده آمار…): they own resolutions and send people. */
export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    name: text("name").notNull(),
    /** Other names the minutes use for it («ثبت احوال» for «سازمان ثبت احوال کشور»), one per line. */
    aliases: text("aliases").notNull().default(""),
    /** Normalised name and aliases for Persian-aware search and matching. */
    searchKey: text("search_key").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    uniqueIndex("organisations_name_unique").on(t.name),
    check("organisations_kind_check", sql`${t.kind} in ('agency','province','municipality','institute','other')`),
  ],
);

export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    honorific: text("honorific", { enum: HONORIFICS }).notNull(),
    title: text("title", { enum: TITLES }),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull(),
    organisation: text("organisation").notNull().default(""),
    /** The outside organisation the person represents, when they come from one. */
    organisationId: integer("organisation_id").references(() => organisations.id),
    position: text("position").notNull().default(""),
    email: text("email").notNull().default(""),
    mobile: text("mobile").notNull().default(""),
    /** Normalised name, organisation and position for Persian-aware search. */
    searchKey: text("search_key").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [index("people_last_name_idx").on(t.lastName)],
);

/** A person's seat in a body or a working group, with its appointment letter (حکم). */
export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    bodyId: integer("body_id").references(() => bodies.id),
    workingGroupId: integer("working_group_id").references(() => workingGroups.id),
    role: text("role", { enum: MEMBERSHIP_ROLES }).notNull().default("member"),
    startDate: text("start_date"),
    endDate: text("end_date"),
    letterNumber: text("letter_number").notNull().default(""),
    letterDate: text("letter_date"),
    createdAt: createdAt(),
  },
  (t) => [
    index("memberships_person_idx").on(t.personId),
    index("memberships_body_idx").on(t.bodyId),
    index("memberships_group_idx").on(t.workingGroupId),
    check("memberships_target_check", sql`(${t.bodyId} is null) <> (${t.workingGroupId} is null)`),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id").references(() => people.id),
    username: text("username").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    disabledAt: text("disabled_at"),
    lastLoginAt: text("last_login_at"),
    /** The second factor (TOTP, RFC 6238): the base32 secret once confirmed, one being set up, the last step used. */
    totpSecret: text("totp_secret"),
    totpPendingSecret: text("totp_pending_secret"),
    totpEnabledAt: text("totp_enabled_at"),
    totpLastStep: integer("totp_last_step"),
    /** The language the person last chose (fa or en): mail to them is written in it. */
    language: text("language").notNull().default("fa"),
    /** Kinds of mail the person turned off, comma-separated (assigned, reminder, extension, digest, invitation). */
    mailOff: text("mail_off").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_username_unique").on(t.username),
    uniqueIndex("users_person_unique").on(t.personId),
    check("users_role_check", sql`${t.role} in ('admin','secretariat','chair','member')`),
  ],
);

/** Server-side sessions; the cookie holds a random token and only its SHA-256 is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    /** Failed sign-ins on the account since its previous sign-in, shown to the owner once they are in. */
    failedBefore: integer("failed_before").notNull().default(0),
    /** A session half-way through sign-in: `code` waits for the second factor, `setup` may only set one up. */
    step: text("step", { enum: ["code", "setup"] }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Ten one-time recovery codes per second factor, stored as SHA-256 (they are random, 50 bits each). */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [uniqueIndex("recovery_codes_hash_unique").on(t.codeHash), index("recovery_codes_user_idx").on(t.userId)],
);

/** Every sign-in attempt, for throttling per account and per address. */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull(),
    ip: text("ip").notNull().default(""),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("login_attempts_username_idx").on(t.username, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);

export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    /** A working group's own meeting (numbered per group); its committee is `bodyId`. */
    workingGroupId: integer("working_group_id").references(() => workingGroups.id),
    number: integer("number").notNull(),
    date: text("date").notNull(),
    startTime: text("start_time"),
    endTime: text("end_time"),
    place: text("place").notNull().default(""),
    mode: text("mode", { enum: MEETING_MODES }).notNull().default("in_person"),
    chairPersonId: integer("chair_person_id").references(() => people.id),
    secretaryPersonId: integer("secretary_person_id").references(() => people.id),
    openingRemarks: text("opening_remarks").notNull().default(""),
    summary: text("summary").notNull().default(""),
    nextDate: text("next_date"),
    nextTime: text("next_time"),
    /** The series this meeting belongs to, and the slot (date) it fills: moved to another day, it still fills it. */
    seriesId: integer("series_id").references(() => meetingSeries.id),
    seriesSlot: text("series_slot"),
    /** Whether the attendance made the body's quorum when finalised (null: no rule), and the reason if it did not. */
    quorumMet: integer("quorum_met", { mode: "boolean" }),
    quorumReason: text("quorum_reason").notNull().default(""),
    status: text("status", { enum: ["draft", "final", "correcting"] })
      .notNull()
      .default("draft"),
    /** Optimistic-locking counter of the draft; bumped on every save. */
    version: integer("version").notNull().default(1),
    /** Edition of the final minutes; a correction after finalising is a new edition with a reason. */
    edition: integer("edition").notNull().default(1),
    /** The minutes as the secretary types them (MinutesDoc), saved with every draft save. */
    draftJson: text("draft_json").notNull().default("{}"),
    /** Id of the last draft save, so a repeated (double) submit of the same save is answered without saving twice. */
    lastSaveId: text("last_save_id"),
    updatedBy: integer("updated_by").references(() => users.id),
    finalizedAt: text("finalized_at"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    // One number per body, or per working group for a group's own meetings.
    uniqueIndex("meetings_body_number_unique").on(t.bodyId, sql`coalesce(${t.workingGroupId}, 0)`, t.number),
    index("meetings_group_idx").on(t.workingGroupId),
    index("meetings_date_idx").on(t.date),
    // The few meetings that are not final (drafts, corrections): lists leave out their resolutions.
    index("meetings_unfinal_idx").on(t.id).where(sql`status <> 'final'`),
    // A slot of a series is filled once.
    uniqueIndex("meetings_series_slot_unique").on(t.seriesId, t.seriesSlot),
  ],
);

/**
 * A body's recurring meetings (the council weekly, committees every two weeks): the next meeting's draft is made
 * ahead, dated on the next slot that no meeting fills and no skip names, up to `until`.
 */
export const meetingSeries = sqliteTable(
  "meeting_series",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    frequency: text("frequency", { enum: SERIES_FREQUENCIES }).notNull(),
    /** The first slot (ISO); the weekday (and for monthly, the day of the Jalali month) of every slot. */
    startsOn: text("starts_on").notNull(),
    until: text("until"),
    startTime: text("start_time").notNull(),
    endTime: text("end_time"),
    place: text("place").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    // One running series per body.
    uniqueIndex("meeting_series_active_unique").on(t.bodyId).where(sql`active = 1`),
    check("meeting_series_until_check", sql`${t.until} is null or ${t.until} >= ${t.startsOn}`),
  ],
);

/** A slot of a series that will not be held: the series goes on from the next one. */
export const seriesSkips = sqliteTable(
  "series_skips",
  {
    seriesId: integer("series_id")
      .notNull()
      .references(() => meetingSeries.id),
    slot: text("slot").notNull(),
    skippedBy: integer("skipped_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.slot] })],
);

/** Every finalised edition of a meeting's minutes, kept readable; a correction names its reason. */
export const meetingEditions = sqliteTable(
  "meeting_editions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    edition: integer("edition").notNull(),
    reason: text("reason").notNull().default(""),
    snapshotJson: text("snapshot_json").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("meeting_editions_unique").on(t.meetingId, t.edition)],
);

/**
 * A draft save that touched the same field as someone else's save: both texts are kept here until the person who
 * saved picks or combines them, so nothing either typed is discarded.
 */
/**
 * Every saved version of a draft, kept while a secretary may still be typing on it (12 hours, a session's longest
 * life): a save that arrives on an older version is merged three-way against the version it started from.
 */
export const draftVersions = sqliteTable(
  "draft_versions",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    docJson: text("doc_json").notNull(),
    savedBy: integer("saved_by").references(() => users.id),
    savedAt: text("saved_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.version] })],
);

export const draftConflicts = sqliteTable(
  "draft_conflicts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id),
    /** The version the save started from, the version it met, and the full document the person had typed. */
    baseVersion: integer("base_version").notNull(),
    againstVersion: integer("against_version").notNull(),
    docJson: text("doc_json").notNull(),
    /** The conflicting fields: path, base, theirs (on the server) and mine. */
    fieldsJson: text("fields_json").notNull(),
    createdAt: createdAt(),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("draft_conflicts_meeting_idx").on(t.meetingId, t.resolvedAt)],
);

/** Agenda items of a meeting (`next` = the next meeting's agenda). */
export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    forNextMeeting: integer("for_next_meeting", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    discussion: text("discussion").notNull().default(""),
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId)],
);

/** A committee's progress report presented in a meeting (گزارش اقدامات کمیته). */
export const committeeReports = sqliteTable(
  "committee_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    bodyId: integer("body_id")
      .notNull()
      .references(() => bodies.id),
    position: integer("position").notNull(),
    text: text("text").notNull().default(""),
  },
  (t) => [index("committee_reports_meeting_idx").on(t.meetingId), index("committee_reports_body_idx").on(t.bodyId)],
);

export const attendance = sqliteTable(
  "attendance",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: integer("person_id").references(() => people.id),
    /** Guests (سایر حاضرین) who are not in the directory. */
    name: text("name").notNull().default(""),
    /** The outside organisation a guest came for. */
    organisationId: integer("organisation_id").references(() => organisations.id),
    status: text("status", { enum: ATTENDANCE_STATUSES }).notNull(),
    substituteName: text("substitute_name").notNull().default(""),
    /** Time attended, as the reference table's «زمان» column. */
    timeAttended: text("time_attended").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("attendance_meeting_idx").on(t.meetingId)],
);

export const resolutions = sqliteTable(
  "resolutions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    /** The body whose meeting passed it: set by the database from the meeting (db/migrations/0009). */
    bodyId: integer("body_id").references(() => bodies.id),
    subject: text("subject").notNull(),
    timeframeKind: text("timeframe_kind", { enum: TIMEFRAME_KINDS }).notNull(),
    timeframeCount: integer("timeframe_count"),
    timeframeDate: text("timeframe_date"),
    dueDate: text("due_date"),
    status: text("status", { enum: RESOLUTION_STATUSES }).notNull().default("open"),
    doneDate: text("done_date"),
    cancelReason: text("cancel_reason"),
    /** The vote: unanimous, a counted majority (for / against / abstain), not put to a vote, or null (not recorded). */
    voteKind: text("vote_kind", { enum: VOTE_KINDS }),
    votesFor: integer("votes_for"),
    votesAgainst: integer("votes_against"),
    votesAbstain: integer("votes_abstain"),
    searchKey: text("search_key").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    uniqueIndex("resolutions_meeting_number_unique").on(t.meetingId, t.number),
    // By deadline, with what an on-time rate reads (the dashboard's trend, the reports): no look-up in the wide rows.
    index("resolutions_due_idx").on(t.dueDate, t.status, t.doneDate, t.meetingId),
    // The active ones by deadline, with what the lists filter and sort on: the overdue review, my actions and
    // notifications read only this index until they know which rows to show (right after another process writes,
    // every page read is a read from the file: a person's whole list of 1,331 candidates costs the index's pages).
    index("resolutions_active_idx")
      .on(t.dueDate, t.bodyId, t.meetingId, t.number, t.status)
      .where(sql`status in ('open', 'in_progress')`),
    // A narrow copy keyed by id: counts over every resolution a body owns (the dashboard's by-status table) look up
    // each one here instead of in the wide rows (30 ms instead of 170 ms on ten years of data).
    index("resolutions_state_idx").on(t.id, t.status, t.dueDate, t.doneDate, t.meetingId),
  ],
);

/** Owners (متولی) of a resolution: a body, a working group or a person. */
export const resolutionOwners = sqliteTable(
  "resolution_owners",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    resolutionId: integer("resolution_id")
      .notNull()
      .references(() => resolutions.id, { onDelete: "cascade" }),
    bodyId: integer("body_id").references(() => bodies.id),
    workingGroupId: integer("working_group_id").references(() => workingGroups.id),
    personId: integer("person_id").references(() => people.id),
    organisationId: integer("organisation_id").references(() => organisations.id),
    /** The owner as the minutes wrote it («کمیته ها»), kept beside the resolved body, group, person or organisation. */
    label: text("label").notNull().default(""),
  },
  (t) => [
    // Covering: "is this resolution owned by one of these" (people, groups, bodies, organisations) is answered from
    // the index alone.
    index("resolution_owners_covering_idx").on(
      t.resolutionId,
      t.bodyId,
      t.workingGroupId,
      t.personId,
      t.organisationId,
    ),
    index("resolution_owners_organisation_idx").on(t.organisationId),
    index("resolution_owners_body_idx").on(t.bodyId, t.resolutionId),
    index("resolution_owners_group_idx").on(t.workingGroupId),
    index("resolution_owners_person_idx").on(t.personId),
    check(
      "resolution_owners_one_target",
      sql`(${t.bodyId} is not null) + (${t.workingGroupId} is not null) + (${t.personId} is not null) + (${t.organisationId} is not null) = 1`,
    ),
  ],
);

/** Follow-ups (پیگیری): progress notes, status changes and extensions. */
export const followUps = sqliteTable(
  "follow_ups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    resolutionId: integer("resolution_id")
      .notNull()
      .references(() => resolutions.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id),
    /** The meeting whose follow-up section («پیگیری مصوبات جلسات قبل») recorded it, when it was decided in one. */
    meetingId: integer("meeting_id").references(() => meetings.id),
    kind: text("kind", { enum: FOLLOW_UP_KINDS }).notNull(),
    note: text("note").notNull().default(""),
    percent: integer("percent"),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    newDueDate: text("new_due_date"),
    /** Normalised note for Persian-aware search. */
    searchKey: text("search_key").notNull().default(""),
    /** For an extension request: pending, approved or rejected. */
    decision: text("decision", { enum: ["pending", "approved", "rejected"] }),
    createdAt: createdAt(),
  },
  (t) => [
    index("follow_ups_resolution_idx").on(t.resolutionId, t.createdAt),
    index("follow_ups_meeting_idx").on(t.meetingId),
  ],
);

/** In-app notifications: each (user, kind, resolution) once, so an item is announced once as new, due soon, overdue. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    resolutionId: integer("resolution_id")
      .notNull()
      .references(() => resolutions.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    readAt: text("read_at"),
    /** Set when the notice no longer holds (overdue after an extension, assigned after done): it leaves the list. */
    resolvedAt: text("resolved_at"),
  },
  (t) => [
    uniqueIndex("notifications_once").on(t.userId, t.kind, t.resolutionId),
    index("notifications_unread_idx").on(t.userId, t.readAt),
  ],
);

export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["quarterly", "half_year"] }).notNull(),
    year: integer("year").notNull(),
    period: integer("period").notNull(),
    status: text("status", { enum: ["draft", "issued"] })
      .notNull()
      .default("draft"),
    number: text("number"),
    issuedAt: text("issued_at"),
    issuedBy: integer("issued_by").references(() => users.id),
    coverText: text("cover_text").notNull().default(""),
    notesJson: text("notes_json").notNull().default("{}"),
    pdf: text("pdf_path"),
    /** The issued PDF itself, kept in the database so that backups hold it; never changes once issued. */
    pdfBlob: blob("pdf_blob", { mode: "buffer" }),
    pages: integer("pages"),
    sha256: text("sha256"),
    replacesId: integer("replaces_id").references((): AnySQLiteColumn => reports.id),
    /** Who signs the cover letter (default: the HQ's secretary), chosen when issuing; printed with name and position. */
    signerPersonId: integer("signer_person_id").references(() => people.id),
    createdBy: integer("created_by").references(() => users.id),
    updatedAt: text("updated_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("reports_number_unique").on(t.number)],
);

/** Every change and every security event: who, what, before and after, when (UTC). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    userId: integer("user_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: integer("entity_id"),
    before: text("before_json"),
    after: text("after_json"),
    ip: text("ip").notNull().default(""),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId), index("audit_log_at_idx").on(t.at)],
);

/** Official holidays: solar ones fixed, lunar ones moving; `estimated` until the admin confirms the announced date. */
export const holidays = sqliteTable("holidays", {
  date: text("date").primaryKey(),
  title: text("title").notNull(),
  kind: text("kind", { enum: HOLIDAY_KINDS }).notNull().default("solar"),
  estimated: integer("estimated", { mode: "boolean" }).notNull().default(false),
  /** Where the date came from: the shipped table (with its source and version) or the admin. */
  source: text("source").notNull().default(""),
});

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/**
 * Documents (مستندات) attached to a record: a meeting, an agenda item, a committee report, a resolution (evidence,
 * with a follow-up), a membership (the appointment letter) or a report. The bytes live in `document_contents`, in the
 * database, so a backup holds them; a removed document keeps its row (who removed it, when) and loses its bytes.
 */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entity: text("entity", { enum: DOCUMENT_ENTITIES }).notNull(),
    entityId: integer("entity_id").notNull(),
    /** The follow-up a resolution's evidence was attached with. */
    followUpId: integer("follow_up_id").references(() => followUps.id),
    /**
     * While a meeting's minutes are open, the part of them a meeting's document belongs to: `agenda:<key>` or
     * `report:<key>` (the row's key in the draft). Finalising moves it onto the agenda item's or report's row.
     */
    part: text("part"),
    fileName: text("file_name").notNull(),
    /** The type read from the bytes (never from the name). */
    fileType: text("file_type", { enum: DOCUMENT_TYPES }).notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
    removedAt: text("removed_at"),
    removedBy: integer("removed_by").references(() => users.id),
  },
  (t) => [index("documents_entity_idx").on(t.entity, t.entityId), check("documents_size_check", sql`${t.size} > 0`)],
);

export const documentContents = sqliteTable("document_contents", {
  documentId: integer("document_id")
    .primaryKey()
    .references(() => documents.id, { onDelete: "cascade" }),
  bytes: blob("bytes", { mode: "buffer" }).notNull(),
});

/**
 * Appointment letters (احکام) the secretariat issued from the template: one number per letter, «۱۴۰۵/ح/۱۲», whose
 * sequence runs per Jalali year and is unique in the database; the printed PDF is kept as a document of the
 * membership. A re-issued letter is a new row with a new number and the reason; the earlier one stays.
 */
export const appointmentLetters = sqliteTable(
  "appointment_letters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    membershipId: integer("membership_id")
      .notNull()
      .references(() => memberships.id),
    /** The Jalali year of the letter's date, and the letter's place in that year's sequence. */
    year: integer("year").notNull(),
    seq: integer("seq").notNull(),
    number: text("number").notNull(),
    letterDate: text("letter_date").notNull(),
    signerId: integer("signer_id")
      .notNull()
      .references(() => people.id),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    /** Why a letter was issued again (empty for the first one). */
    reason: text("reason").notNull().default(""),
    issuedBy: integer("issued_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("appointment_letters_seq_unique").on(t.year, t.seq),
    uniqueIndex("appointment_letters_number_unique").on(t.number),
    index("appointment_letters_membership_idx").on(t.membershipId),
    check("appointment_letters_seq_check", sql`${t.seq} > 0`),
  ],
);

/**
 * A sign-off of one edition of final minutes by those present. `snapshotSha256` is the SHA-256 of the edition's
 * snapshot as kept (what was signed); `pdf`/`pdfSha256` the signed PDF, printed once after the last signature and
 * served byte for byte from then on, so the verification page can compare an uploaded file with it. `code` is the
 * random part of the verification link in the PDF's QR code. A newer edition supersedes the round (trigger).
 */
export const signoffRounds = sqliteTable(
  "signoff_rounds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    edition: integer("edition").notNull(),
    snapshotSha256: text("snapshot_sha256").notNull(),
    code: text("code").notNull(),
    rule: text("rule", { enum: SIGNOFF_RULES }).notNull(),
    status: text("status", { enum: SIGNOFF_STATUSES }).notNull().default("open"),
    requestedBy: integer("requested_by").references(() => users.id),
    requestedAt: createdAt(),
    signedAt: text("signed_at"),
    pdf: blob("pdf", { mode: "buffer" }),
    pdfSha256: text("pdf_sha256"),
  },
  (t) => [
    uniqueIndex("signoff_rounds_edition_unique").on(t.meetingId, t.edition),
    uniqueIndex("signoff_rounds_code_unique").on(t.code),
    index("signoff_rounds_pdf_idx").on(t.pdfSha256),
    check(
      "signoff_rounds_signed_check",
      sql`(${t.status} = 'signed') = (${t.signedAt} is not null) or ${t.status} = 'superseded'`,
    ),
  ],
);

/** Who is asked to sign a round: those present at the meeting, as the edition records them. */
export const signoffSigners = sqliteTable(
  "signoff_signers",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => signoffRounds.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    name: text("name").notNull(),
    position: text("position").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.personId] })],
);

/** A signer's answer: a confirmation (their signature, at most one per round) or a request for a change. */
export const signoffResponses = sqliteTable(
  "signoff_responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => signoffRounds.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    userId: integer("user_id").references(() => users.id),
    kind: text("kind", { enum: SIGNOFF_RESPONSES }).notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("signoff_one_signature").on(t.roundId, t.personId).where(sql`kind = 'confirm'`),
    index("signoff_responses_round_idx").on(t.roundId),
  ],
);

/**
 * The stages of the data-supply pipeline (requested → … → accepted, and «problems found»), named and ordered by the
 * secretariat. A data set moves one stage forward at a time, to the problem stage from any stage but the last, and
 * from the problem stage back to any earlier step; migration 0024's trigger holds the rule.
 */
export const supplyStages = sqliteTable(
  "supply_stages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** A stable name for code and seeds («requested», «problems»). */
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: STAGE_KINDS }).notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("supply_stages_code_unique").on(t.code),
    uniqueIndex("supply_stages_position_unique").on(t.position),
    check("supply_stages_kind_check", sql`${t.kind} in ('pending','delivered','accepted','problem')`),
  ],
);

/** A data set an agency must deliver to the Statistical Centre (resolutions ۲ and ۱۱ of the council). */
export const dataSets = sqliteTable(
  "data_sets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    level: text("level", { enum: DATA_LEVELS }).notNull(),
    /** The items it holds (شماره ملی، جنسیت، تاریخ تولد), one per line. */
    items: text("items").notNull().default(""),
    frequency: text("frequency", { enum: DATA_FREQUENCIES }).notNull(),
    /** The resolution that approved it. */
    resolutionId: integer("resolution_id").references(() => resolutions.id),
    /** The committee that follows it. */
    committeeId: integer("committee_id")
      .notNull()
      .references(() => bodies.id),
    /** The agreed date in the schedule, and the deadline it gives on the work calendar (a day off moves it on). */
    scheduleDate: text("schedule_date"),
    dueDate: text("due_date"),
    stageId: integer("stage_id")
      .notNull()
      .references(() => supplyStages.id),
    /** Who the data set waits on, while it is blocked («ثبت احوال: امضای NDA»); empty when it is not. */
    blockedOn: text("blocked_on").notNull().default(""),
    searchKey: text("search_key").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    uniqueIndex("data_sets_agency_name_unique").on(t.organisationId, t.name),
    index("data_sets_resolution_idx").on(t.resolutionId),
    index("data_sets_committee_idx").on(t.committeeId),
    index("data_sets_stage_idx").on(t.stageId, t.dueDate),
    check("data_sets_level_check", sql`${t.level} in ('PIN','LIN','BIN')`),
  ],
);

/** The dated history of a data set: each change of stage (or a note, or a delivery) with who, a note and documents. */
export const dataSetChanges = sqliteTable(
  "data_set_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dataSetId: integer("data_set_id")
      .notNull()
      .references(() => dataSets.id, { onDelete: "cascade" }),
    /** The day it happened (the agency's letter, the delivery), which may be before the day it was recorded. */
    date: text("date").notNull(),
    fromStageId: integer("from_stage_id").references(() => supplyStages.id),
    toStageId: integer("to_stage_id")
      .notNull()
      .references(() => supplyStages.id),
    note: text("note").notNull().default(""),
    blockedOn: text("blocked_on").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("data_set_changes_set_idx").on(t.dataSetId, t.date), index("data_set_changes_date_idx").on(t.date)],
);

/** A delivery of a data set: when, the period it covers, how many records, and what the quality check found. */
export const dataDeliveries = sqliteTable(
  "data_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dataSetId: integer("data_set_id")
      .notNull()
      .references(() => dataSets.id, { onDelete: "cascade" }),
    changeId: integer("change_id")
      .notNull()
      .references(() => dataSetChanges.id, { onDelete: "cascade" }),
    deliveredOn: text("delivered_on").notNull(),
    /** The period the data covers («۱۳۹۵ تا ۱۴۰۳»). */
    period: text("period").notNull().default(""),
    recordCount: integer("record_count"),
    /** What the quality check found («شماره ملی پیش از ۱۳۸۵ ندارد»). */
    findings: text("findings").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("data_deliveries_change_unique").on(t.changeId),
    index("data_deliveries_set_idx").on(t.dataSetId, t.deliveredOn),
    check("data_deliveries_count_check", sql`${t.recordCount} is null or ${t.recordCount} >= 0`),
  ],
);

/**
 * The outbox: every e-mail, written in the transaction of the change that causes it and delivered afterwards by the
 * sender (app/utils/mail-sender.server.ts). `message_id` is fixed when the row is written, so a re-send after a crash
 * carries the same Message-ID; `dedupe_key` makes scheduled mail once per person and day (or week).
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    personId: integer("person_id").references(() => people.id),
    toAddress: text("to_address").notNull(),
    lang: text("lang").notNull().default("fa"),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** JSON: [{ "minutesPdf": meetingId } | { "filename", "contentType", "content" (text) }]. */
    attachments: text("attachments").notNull().default("[]"),
    dedupeKey: text("dedupe_key"),
    messageId: text("message_id").notNull(),
    /** queued → sending → sent; failed after the last try. */
    status: text("status", { enum: ["queued", "sending", "sent", "failed"] })
      .notNull()
      .default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    lastError: text("last_error").notNull().default(""),
    createdAt: createdAt(),
    sentAt: text("sent_at"),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_unique").on(t.dedupeKey),
    uniqueIndex("outbox_message_id_unique").on(t.messageId),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    check("outbox_status_check", sql`${t.status} in ('queued','sending','sent','failed')`),
  ],
);

/** Scheduled jobs that ran, one row per job and Tehran day: a restart neither repeats nor skips a day. */
export const schedulerRuns = sqliteTable(
  "scheduler_runs",
  {
    job: text("job").notNull(),
    day: text("day").notNull(),
    ranAt: text("ran_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.day] })],
);

/**
 * A person's private calendar feed (meetings they attend, deadlines they own), read by calendar apps without a
 * session: only the SHA-256 of its secret key is kept, the key is shown once. One live feed per user; revoked from
 * the sessions page, or replaced by a new key.
 */
export const calendarFeeds = sqliteTable(
  "calendar_feeds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    keyHash: text("key_hash").notNull(),
    createdAt: createdAt(),
    lastReadAt: text("last_read_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    uniqueIndex("calendar_feeds_key_unique").on(t.keyHash),
    uniqueIndex("calendar_feeds_live_unique").on(t.userId).where(sql`revoked_at is null`),
  ],
);

/**
 * The invitation of a meeting as announced: its UID stays and SEQUENCE grows with each new mailing (a change, an
 * added or removed attendee, a cancellation). `announced_json` is what people were last told (date, times, place),
 * so an update says what changed since; mail written before `settle_until` is still unsent and is rewritten in place
 * rather than followed by another. No key to meetings: a deleted draft's row stays with its cancellation.
 */
export const meetingInvitations = sqliteTable(
  "meeting_invitations",
  {
    meetingId: integer("meeting_id").primaryKey(),
    uid: text("uid").notNull(),
    sequence: integer("sequence").notNull().default(0),
    date: text("date").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time"),
    place: text("place").notNull().default(""),
    /** The people invited, comma-separated person ids. */
    invitees: text("invitees").notNull().default(""),
    announcedJson: text("announced_json").notNull().default("{}"),
    settleUntil: text("settle_until").notNull(),
    cancelledAt: text("cancelled_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [uniqueIndex("meeting_invitations_uid_unique").on(t.uid)],
);
