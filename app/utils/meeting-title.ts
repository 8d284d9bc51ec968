import type { TFunction } from "i18next";

/** What names a meeting: its number, its body, and its working group when it is a group's own meeting. */
export type MeetingNaming = { number: number; bodyName: string; groupName?: string | null };

/**
 * The one home of a meeting's name, wherever it is read on its own (lists, the resolution page, my actions, the PDF):
 * «جلسه ۳ کمیته طراحی», or for a working group's own meeting «جلسه ۳ کارگروه X (کمیته طراحی)».
 */
export function meetingTitle(t: TFunction, m: MeetingNaming): string {
  return m.groupName
    ? t("minutes.groupMeetingOf", { number: m.number, group: m.groupName, body: m.bodyName })
    : t("minutes.meetingOf", { number: m.number, body: m.bodyName });
}

/**
 * The heading of minutes under their body's name («صورتجلسه شماره ۳»); a working group's minutes are headed with
 * the group's whole title, so they are never read as the committee's own meeting of that number.
 */
export function minutesHeading(t: TFunction, m: MeetingNaming): string {
  return m.groupName ? meetingTitle(t, m) : t("minutes.heading", { number: m.number });
}

/** The title of a minutes document on its own (the PDF's header): «صورتجلسه شماره ۳ — کمیته طراحی», or a group's. */
export function minutesDocumentTitle(t: TFunction, m: MeetingNaming): string {
  return m.groupName ? meetingTitle(t, m) : `${minutesHeading(t, m)} — ${m.bodyName}`;
}
