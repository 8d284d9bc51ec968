/**
 * The minutes as the secretary types them (MinutesDoc). A draft is saved as typed — nothing is refused but sizes —
 * and the whole document is checked only when it is finalised.
 */
import { z } from "zod";
import { MEETING_MODES } from "../../db/enums";
import { toAsciiDigits } from "../utils/digits";
import { parseJalaliInput, parseTime } from "../utils/jalali";
import { readVote } from "../utils/vote";

const s = (max: number) => z.string().max(max, "validation.tooLong").default("");
const id = z.union([z.number().int().positive(), z.null()]).default(null);
/** The row a draft's agenda item, report or resolution became when final: it keeps it through corrections. */
const rowId = z.number().int().positive().nullable().optional();

/** `unmarked`: new minutes start so (attendance is never assumed); finalising asks for every member's status. */
export const ATTENDANCE_CHOICES = ["unmarked", "present", "absent", "excused", "represented"] as const;
export const OWNER_KINDS = ["body", "group", "person", "organisation", "unmatched"] as const;
/** The vote on a resolution as typed: not recorded (""), unanimous, majority with counts, not put to a vote. */
export const VOTE_CHOICES = ["", "unanimous", "majority", "none"] as const;
/** What the meeting decided about an earlier resolution in its follow-up section («پیگیری مصوبات جلسات قبل»). */
export const FOLLOW_UP_STATUS_CHOICES = ["", "open", "in_progress", "done", "cancelled"] as const;
export const TIMEFRAME_CHOICES = ["weeks", "days", "date", "standing", ""] as const;

const owner = z.object({ kind: z.enum(OWNER_KINDS), id: id, label: s(300) });

export const minutesDocSchema = z.object({
  date: s(40),
  startTime: s(10),
  endTime: s(10),
  place: s(300),
  mode: z.enum(MEETING_MODES).default("in_person"),
  chairPersonId: id,
  secretaryPersonId: id,
  openingRemarks: s(50_000),
  summary: s(100_000),
  agenda: z
    .array(z.object({ key: s(40), id: rowId, title: s(1000), discussion: s(50_000) }))
    .max(100)
    .default([]),
  reports: z
    .array(z.object({ key: s(40), id: rowId, agendaKey: s(40), bodyId: id, text: s(50_000) }))
    .max(100)
    .default([]),
  resolutions: z
    .array(
      z.object({
        key: s(40),
        /** The resolution this row is, once finalised: it keeps its id and number through every correction. */
        id: rowId,
        number: rowId,
        subject: s(5000),
        owners: z.array(owner).max(20).default([]),
        timeframeKind: z.enum(TIMEFRAME_CHOICES).default(""),
        timeframeCount: s(10),
        timeframeDate: s(40),
        /** The timeframe as pasted, kept when it could not be read. */
        timeframeText: s(200),
        vote: z
          .object({ kind: z.enum(VOTE_CHOICES).default(""), for: s(10), against: s(10), abstain: s(10) })
          .optional(),
      }),
    )
    .max(200)
    .default([]),
  attendance: z
    .array(
      z.object({
        personId: z.number().int().positive(),
        name: s(300),
        status: z.enum(ATTENDANCE_CHOICES).default("present"),
        substitute: s(300),
        time: s(20),
      }),
    )
    .max(200)
    .default([]),
  /** Why the minutes are final although the attendance did not make the body's quorum. */
  quorumReason: s(2000),
  guests: z
    .array(z.object({ name: s(300), time: s(20), organisationId: rowId }))
    .max(100)
    .default([]),
  nextDate: s(40),
  nextTime: s(10),
  nextAgenda: z
    .array(z.object({ title: s(1000) }))
    .max(50)
    .default([]),
  /** Updates to earlier open resolutions decided in this meeting; they become follow-ups when the minutes are final. */
  followUps: z
    .array(
      z.object({
        resolutionId: z.number().int().positive(),
        status: z.enum(FOLLOW_UP_STATUS_CHOICES).default(""),
        percent: s(10),
        note: s(5000),
        /** A new deadline decided in the meeting (Jalali as typed). */
        newDueDate: s(40),
      }),
    )
    .max(500)
    .default([]),
});

export type MinutesDoc = z.infer<typeof minutesDocSchema>;
export type ResolutionDraft = MinutesDoc["resolutions"][number];
export type OwnerDraft = ResolutionDraft["owners"][number];

/** The minutes are not ready: every problem by field path (`resolutions.3.subject`), as i18n keys. */
export class FinalisationError extends Error {
  constructor(public errors: Record<string, string>) {
    super("minutes not ready");
  }
}

/** Every problem that stops the minutes being finalised, by field path (`resolutions.3.subject`), as i18n keys. */
export function finalisationErrors(doc: MinutesDoc): Record<string, string> {
  const errors: Record<string, string> = {};
  const date = parseJalaliInput(doc.date);
  if (!date.ok) errors.date = `date.errors.${date.error}`;
  const start = doc.startTime ? parseTime(doc.startTime) : null;
  const end = doc.endTime ? parseTime(doc.endTime) : null;
  if (doc.startTime && !start) errors.startTime = "minutes.errors.time";
  if (doc.endTime && !end) errors.endTime = "minutes.errors.time";
  if (doc.nextTime && !parseTime(doc.nextTime)) errors.nextTime = "minutes.errors.time";
  if (start && end && end < start) errors.endTime = "minutes.errors.endBeforeStart";
  if (doc.agenda.length === 0) errors.agenda = "minutes.errors.noAgenda";
  doc.agenda.forEach((a, i) => {
    if (!a.title.trim()) errors[`agenda.${i}.title`] = "validation.required";
  });
  doc.reports.forEach((r, i) => {
    if (!r.bodyId) errors[`reports.${i}.bodyId`] = "validation.choose";
    if (!r.text.trim()) errors[`reports.${i}.text`] = "validation.required";
  });
  doc.resolutions.forEach((r, i) => {
    if (!r.subject.trim()) errors[`resolutions.${i}.subject`] = "validation.required";
    if (r.owners.length === 0) errors[`resolutions.${i}.owners`] = "minutes.errors.noOwner";
    else if (r.owners.some((o) => o.kind === "unmatched" || !o.id))
      errors[`resolutions.${i}.owners`] = "minutes.errors.unmatchedOwner";
    if (r.timeframeKind === "") errors[`resolutions.${i}.timeframeKind`] = "minutes.errors.timeframe";
    if (
      (r.timeframeKind === "weeks" || r.timeframeKind === "days") &&
      !(Number.isInteger(Number(r.timeframeCount)) && Number(r.timeframeCount) >= 1 && Number(r.timeframeCount) <= 365)
    ) {
      errors[`resolutions.${i}.timeframeCount`] = "minutes.errors.count";
    }
    if (r.timeframeKind === "date") {
      const d = parseJalaliInput(r.timeframeDate);
      if (!d.ok) errors[`resolutions.${i}.timeframeDate`] = `date.errors.${d.error}`;
      else if (date.ok && d.iso < date.iso)
        errors[`resolutions.${i}.timeframeDate`] = "minutes.errors.deadlineBeforeMeeting";
    }
    for (const [field, key] of Object.entries(readVote(r.vote).errors)) errors[`resolutions.${i}.vote.${field}`] = key;
  });
  doc.followUps.forEach((f, i) => {
    const percent = toAsciiDigits(f.percent).trim();
    if (percent && !(/^\d{1,3}$/.test(percent) && Number(percent) <= 100))
      errors[`followUps.${i}.percent`] = "minutes.errors.followUpPercent";
    if (f.newDueDate) {
      const d = parseJalaliInput(f.newDueDate);
      if (!d.ok) errors[`followUps.${i}.newDueDate`] = `date.errors.${d.error}`;
      else if (date.ok && d.iso < date.iso)
        errors[`followUps.${i}.newDueDate`] = "minutes.errors.deadlineBeforeMeeting";
    }
  });
  doc.attendance.forEach((a, i) => {
    if (a.status === "unmarked") errors[`attendance.${i}.status`] = "minutes.errors.unmarked";
    if (a.status === "represented" && !a.substitute.trim())
      errors[`attendance.${i}.substitute`] = "minutes.errors.substitute";
  });
  doc.guests.forEach((g, i) => {
    if (!g.name.trim()) errors[`guests.${i}.name`] = "validation.required";
  });
  if (doc.nextDate) {
    const next = parseJalaliInput(doc.nextDate);
    if (!next.ok) errors.nextDate = `date.errors.${next.error}`;
    else if (date.ok && next.iso < date.iso) errors.nextDate = "minutes.errors.nextBeforeMeeting";
  }
  return errors;
}

/** The buttons of a minutes page: start or abandon a correction, delete a draft. */
export const meetingActionSchema = z.object({
  intent: z.enum(["start-correction", "cancel-correction", "delete-draft"]),
});

/** The minutes editor's final step: finalise the draft at the version the secretary saw (with a correction's reason). */
export const finaliseSchema = z.object({
  intent: z.literal("finalise"),
  version: z.coerce.number().int().min(0),
  reason: z.string().max(2000, "validation.tooLong").default(""),
});

/** A saved draft read back; what no longer reads as minutes (a draft from an older shape) starts empty. */
export function parseDoc(json: string): MinutesDoc {
  const parsed = minutesDocSchema.safeParse(JSON.parse(json || "{}"));
  return parsed.success ? parsed.data : minutesDocSchema.parse({});
}
