/** The caps of resolution ۵ of the reference minutes; the database triggers hold the same numbers. */
export const MAX_GROUPS_PER_COMMITTEE = 4;
export const MAX_MEMBERS_PER_GROUP = 7;
