/**
 * The fixed lists of the data (kinds, roles, statuses), without drizzle: \`db/schema.ts\` builds its columns from them
 * and forms in the browser import them from here, so no table definition ships to the browser.
 */
export const BODY_KINDS = ["headquarters", "council", "committee", "secretariat"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const HONORIFICS = ["mr", "ms"] as const;
export const TITLES = ["dr", "eng"] as const;
export const MEMBERSHIP_ROLES = ["chair", "secretary", "member"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export const ROLES = ["admin", "secretariat", "chair", "member"] as const;
export type Role = (typeof ROLES)[number];
export const MEETING_MODES = ["in_person", "virtual", "mixed"] as const;
/** How often a body's series of meetings comes round (monthly: the same Jalali day each month). */
export const SERIES_FREQUENCIES = ["weekly", "biweekly", "monthly"] as const;
export type SeriesFrequency = (typeof SERIES_FREQUENCIES)[number];
export const ATTENDANCE_STATUSES = ["present", "absent", "excused", "represented", "guest"] as const;
export const RESOLUTION_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export const TIMEFRAME_KINDS = ["days", "weeks", "date", "standing"] as const;
export const FOLLOW_UP_KINDS = ["note", "status", "extension", "extension_request"] as const;
export const NOTIFICATION_KINDS = [
  "assigned",
  "due_soon",
  "overdue",
  "extension_request",
  "extension_approved",
  "extension_rejected",
] as const;
/** Kinds of e-mail a person can turn off on their account page. */
export const MAIL_KINDS = ["assigned", "reminder", "extension", "digest", "minutes", "invitation", "signoff"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
/** Organisations outside the HQ that own resolutions, send representatives and deliver data (دستگاه‌های اجرایی…). */
export const ORGANISATION_KINDS = ["agency", "province", "municipality", "institute", "other"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
/** A body's quorum rule: none, more than half its members, or at least a number of them. */
export const QUORUM_KINDS = ["none", "majority", "count"] as const;
export type QuorumKind = (typeof QUORUM_KINDS)[number];
/** Resolutions numbered per meeting («شورا/۱۲/۳») or in one running sequence of the body («شورا/۳۴۵»). */
export const RESOLUTION_NUMBERINGS = ["per_meeting", "running"] as const;
export type ResolutionNumbering = (typeof RESOLUTION_NUMBERINGS)[number];
/** How a resolution was passed: unanimously, by a counted majority, or without a vote. */
export const VOTE_KINDS = ["unanimous", "majority", "none"] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export const HOLIDAY_KINDS = ["solar", "lunar"] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** What a document (مستند) can be attached to. */
export const DOCUMENT_ENTITIES = [
  "meeting",
  "agenda_item",
  "committee_report",
  "resolution",
  "membership",
  "report",
  "data_set_change",
] as const;
export type DocumentEntity = (typeof DOCUMENT_ENTITIES)[number];
/** The file types a document may be, read from its bytes. */
export const DOCUMENT_TYPES = ["pdf", "docx", "xlsx", "doc", "xls", "png", "jpeg"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** How many of those present must confirm the minutes before they are signed: all of them, or more than half. */
export const SIGNOFF_RULES = ["all", "majority"] as const;
export type SignoffRule = (typeof SIGNOFF_RULES)[number];
export const SIGNOFF_STATUSES = ["open", "signed", "superseded"] as const;
export const SIGNOFF_RESPONSES = ["confirm", "change"] as const;

/** The level a data set is kept at: person (PIN), place (LIN) or business (BIN). */
export const DATA_LEVELS = ["PIN", "LIN", "BIN"] as const;
export type DataLevel = (typeof DATA_LEVELS)[number];
/** How often an agency delivers a data set. */
export const DATA_FREQUENCIES = ["once", "yearly", "half_yearly", "quarterly", "monthly", "weekly"] as const;
export type DataFrequency = (typeof DATA_FREQUENCIES)[number];
/**
 * What a stage of the delivery pipeline means for the figures: not yet delivered, delivered (being checked),
 * accepted, or «problems found» (sent back to the agency; counts as not delivered).
 */
export const STAGE_KINDS = ["pending", "delivered", "accepted", "problem"] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
