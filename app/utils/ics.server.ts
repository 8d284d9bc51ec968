/**
 * Calendar files (RFC 5545) by the `ics` package: meetings at their Tehran time written as UTC instants (DTSTART
 * …Z, which every calendar reads the same), deadlines as all-day events. A meeting's UID stays the same through its
 * changes; SEQUENCE grows with each, and a cancellation is METHOD:CANCEL with STATUS:CANCELLED.
 */
import { createEvents, type EventAttributes } from "ics";
import { type IsoDate, tehranDayStart } from "./jalali";

/** The instant of a Tehran wall-clock time on a day (`HH:MM`), in milliseconds since the epoch. */
export function tehranInstant(day: IsoDate, time: string): number {
  const [h, m] = time.split(":").map(Number);
  return Date.parse(tehranDayStart(day)) + (h * 60 + m) * 60_000;
}

export type CalendarMeeting = {
  uid: string;
  sequence: number;
  title: string;
  description: string;
  location: string;
  date: IsoDate;
  startTime: string | null;
  endTime: string | null;
  url?: string;
  cancelled?: boolean;
  /** Who calls the meeting and who is invited (an invitation's REQUEST names both, as RFC 5546 asks). */
  organizer?: { name: string; email: string };
  attendees?: { name: string; email: string }[];
};

export type CalendarDeadline = { uid: string; title: string; description: string; date: IsoDate; url?: string };

const dayArray = (day: IsoDate): [number, number, number] => {
  const [y, m, d] = day.split("-").map(Number);
  return [y, m, d];
};

function meetingEvent(m: CalendarMeeting): EventAttributes {
  const base = {
    uid: m.uid,
    sequence: m.sequence,
    title: m.title,
    description: m.description,
    location: m.location || undefined,
    url: m.url,
    status: m.cancelled ? ("CANCELLED" as const) : ("CONFIRMED" as const),
    organizer: m.organizer,
    attendees: m.attendees?.map((a) => ({
      ...a,
      rsvp: false,
      role: "REQ-PARTICIPANT" as const,
      partstat: "NEEDS-ACTION" as const,
    })),
  };
  if (!m.startTime) {
    const [y, mo, d] = dayArray(m.date);
    return { ...base, start: [y, mo, d], duration: { days: 1 } };
  }
  const start = tehranInstant(m.date, m.startTime);
  const end = m.endTime ? tehranInstant(m.date, m.endTime) : start + 2 * 3600_000;
  return {
    ...base,
    start,
    startInputType: "utc",
    startOutputType: "utc",
    end: end > start ? end : start + 3600_000,
    endInputType: "utc",
    endOutputType: "utc",
  };
}

function deadlineEvent(d: CalendarDeadline): EventAttributes {
  const [y, m, day] = dayArray(d.date);
  return {
    uid: d.uid,
    title: d.title,
    description: d.description,
    url: d.url,
    start: [y, m, day],
    duration: { days: 1 },
  };
}

function build(events: EventAttributes[], header: { method?: string; calName?: string }): string {
  const { error, value } = createEvents(events, { productId: "census-hq/secretariat", ...header });
  if (error || !value) throw error ?? new Error("ics failed");
  return value;
}

/** The .ics of one meeting's invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL). */
export function invitationIcs(meeting: CalendarMeeting): string {
  return build([meetingEvent(meeting)], { method: meeting.cancelled ? "CANCEL" : "REQUEST" });
}

/** A person's feed: the meetings they attend and the deadlines they own (METHOD:PUBLISH). */
export function feedIcs(name: string, meetings: CalendarMeeting[], deadlines: CalendarDeadline[]): string {
  if (meetings.length + deadlines.length === 0) {
    // `ics` refuses an empty list; a calendar with no events is still a valid subscription.
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:census-hq/secretariat",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${name.replace(/[\r\n,;\\]/g, " ")}`,
      "END:VCALENDAR",
      "",
    ].join("\r\n");
  }
  return build([...meetings.map(meetingEvent), ...deadlines.map(deadlineEvent)], { method: "PUBLISH", calName: name });
}
