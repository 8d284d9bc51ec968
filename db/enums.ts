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
export const ATTENDANCE_STATUSES = ["present", "absent", "excused", "represented", "guest"] as const;
export const RESOLUTION_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export const TIMEFRAME_KINDS = ["days", "weeks", "date", "standing"] as const;
export const FOLLOW_UP_KINDS = ["note", "status", "extension", "extension_request"] as const;
export const NOTIFICATION_KINDS = ["assigned", "due_soon", "overdue"] as const;
