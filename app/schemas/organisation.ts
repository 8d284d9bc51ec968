/**
 * Form schemas shared by the browser (react-hook-form) and the actions (the authority).
 * Messages are i18n keys under `validation.`; the form and the action translate them.
 */
import { z } from "zod";
import {
  BODY_KINDS,
  HONORIFICS,
  MEMBERSHIP_ROLES,
  ORGANISATION_KINDS,
  QUORUM_KINDS,
  RESOLUTION_NUMBERINGS,
  SIGNOFF_RULES,
  TITLES,
} from "../../db/enums";
import { toAsciiDigits } from "../utils/digits";
import { parseJalaliInput } from "../utils/jalali";

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const requiredText = (max: number) => text(max).min(1, "validation.required");

/** A typed Jalali date (any digits), optional; becomes an ISO date or null. */
export const optionalJalaliDate = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value?.trim()) return null;
    const parsed = parseJalaliInput(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `date.errors.${parsed.error}` });
      return z.NEVER;
    }
    return parsed.iso;
  });

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** A whole number typed in any digits, or nothing. */
const optionalCount = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => (v === undefined || String(v).trim() === "" ? undefined : Number(toAsciiDigits(String(v)).trim())))
  .refine((v) => v === undefined || (Number.isInteger(v) && v >= 1 && v <= 100_000), "validation.wholeNumber");

export const bodySchema = z
  .object({
    name: requiredText(200),
    code: text(20).default(""),
    kind: z.enum(BODY_KINDS, { errorMap: () => ({ message: "validation.choose" }) }),
    parentId: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .refine((v) => v === null || Number.isInteger(v), "validation.choose"),
    isExternal: checkbox,
    /** A council outside the HQ that only keeps its minutes here: no parent in the HQ, not in its chart or reports. */
    outsideHq: checkbox,
    active: checkbox,
    duties: text(5000).default(""),
    /** Left empty: numbering starts at 1 (or stays as it was). */
    firstMeetingNumber: z
      .union([z.string(), z.number()])
      .optional()
      .transform((v) =>
        v === undefined || String(v).trim() === "" ? undefined : Number(toAsciiDigits(String(v)).trim()),
      )
      .refine((v) => v === undefined || (Number.isInteger(v) && v >= 1 && v <= 100_000), "validation.meetingNumber"),
    quorumKind: z.enum(QUORUM_KINDS).default("none"),
    quorumCount: optionalCount,
    resolutionNumbering: z.enum(RESOLUTION_NUMBERINGS).default("per_meeting"),
    /** Who must confirm finalised minutes before they count as signed: every attendee, or more than half. */
    signoffRule: z.enum(SIGNOFF_RULES, { errorMap: () => ({ message: "validation.choose" }) }).default("all"),
    /** With running numbering: the number the first resolution kept here takes (left empty: 1). */
    firstResolutionNumber: optionalCount,
  })
  .superRefine((v, ctx) => {
    if (v.quorumKind === "count" && !v.quorumCount)
      ctx.addIssue({ code: "custom", path: ["quorumCount"], message: "validation.quorumCount" });
  })
  .transform((v) => ({
    ...v,
    quorumCount: v.quorumKind === "count" ? (v.quorumCount ?? null) : null,
    parentId: v.outsideHq ? null : v.parentId,
  }));
type BodyFields = z.infer<typeof bodySchema>;
/** A body as the models take it: the form's fields, with the rules the form always sends left optional elsewhere. */
type DefaultedRules = "quorumKind" | "quorumCount" | "resolutionNumbering" | "outsideHq" | "signoffRule";
export type BodyInput = Omit<BodyFields, DefaultedRules> & Partial<Pick<BodyFields, DefaultedRules>>;

export const workingGroupSchema = z.object({
  name: requiredText(200),
  duties: text(5000).default(""),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const personSchema = z.object({
  honorific: z.enum(HONORIFICS, { errorMap: () => ({ message: "validation.choose" }) }),
  title: z
    .union([z.enum(TITLES), z.literal("")])
    .optional()
    .transform((v) => (v ? v : null)),
  firstName: text(100).default(""),
  lastName: requiredText(100),
  organisation: text(200).default(""),
  /** The outside organisation the person comes from, if any. */
  organisationId: z
    .string()
    .optional()
    .transform((v) => (v ? Number(toAsciiDigits(v)) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0), "validation.choose"),
  position: text(200).default(""),
  email: text(200)
    .default("")
    .refine((v) => v === "" || EMAIL.test(v), "validation.email"),
  mobile: text(30)
    .default("")
    .transform((v) => toAsciiDigits(v).replace(/[\s-]/g, ""))
    .refine((v) => v === "" || /^(\+98|0)?9\d{9}$/.test(v), "validation.mobile"),
});
type PersonFields = z.infer<typeof personSchema>;
/** A person as the models take it; the organisation may be left out (none). */
export type PersonInput = Omit<PersonFields, "organisationId"> & { organisationId?: number | null };

/** An outside organisation: its kind, unique name and other names (one a line). */
export const organisationSchema = z.object({
  name: requiredText(200),
  kind: z.enum(ORGANISATION_KINDS, { errorMap: () => ({ message: "validation.choose" }) }),
  aliases: text(2000).default(""),
  active: checkbox,
});
export type OrganisationInput = z.infer<typeof organisationSchema>;

const membershipFields = z.object({
  personId: z.coerce.number({ invalid_type_error: "validation.choose" }).int().positive("validation.choose"),
  role: z.enum(MEMBERSHIP_ROLES, { errorMap: () => ({ message: "validation.choose" }) }),
  startDate: optionalJalaliDate,
  endDate: optionalJalaliDate,
  letterNumber: text(50).default(""),
  letterDate: optionalJalaliDate,
});
function endNotBeforeStart(m: { startDate: string | null; endDate: string | null }, ctx: z.RefinementCtx) {
  if (m.startDate && m.endDate && m.endDate < m.startDate)
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.endBeforeStart", path: ["endDate"] });
}
export const membershipSchema = membershipFields.superRefine(endNotBeforeStart);
export type MembershipInput = z.infer<typeof membershipSchema>;

// ---------- the actions of a body's and a working group's page ----------
export const ADD_MEMBER = "add-member";
export const END_MEMBERSHIP = "end-membership";
export const CREATE_GROUP = "create-group";
export const EDIT_GROUP = "edit-group";
export const CLOSE_GROUP = "close-group";
export const ISSUE_LETTER = "issue-letter";
export const ISSUE_LETTERS = "issue-letters";

const recordId = z.coerce.number({ invalid_type_error: "validation.choose" }).int().positive("validation.choose");
const addMember = membershipFields.extend({ intent: z.literal(ADD_MEMBER) });
const endMember = z.object({ intent: z.literal(END_MEMBERSHIP), membershipId: recordId });
const signerId = z.coerce.number({ invalid_type_error: "validation.choose" }).int().positive("validation.choose");
/** One membership's appointment letter; a reason when it has one already («صدور دوباره»). */
const issueLetter = z.object({
  intent: z.literal(ISSUE_LETTER),
  membershipId: recordId,
  signerId,
  reason: text(500).default(""),
});
/** The letters of every current member without one. */
const issueLetters = z.object({ intent: z.literal(ISSUE_LETTERS), signerId });
const refineMembership = (v: { intent: string }, ctx: z.RefinementCtx) => {
  if (v.intent === ADD_MEMBER) endNotBeforeStart(v as z.infer<typeof addMember>, ctx);
};

/** A body's page: add a member, end a membership, open a working group (committees), issue appointment letters. */
export const bodyActionSchema = z
  .discriminatedUnion("intent", [
    addMember,
    endMember,
    workingGroupSchema.extend({ intent: z.literal(CREATE_GROUP) }),
    issueLetter,
    issueLetters,
  ])
  .superRefine(refineMembership);

/** A working group's page: add a member, end a membership, rename or describe it, close it, issue letters. */
export const groupActionSchema = z
  .discriminatedUnion("intent", [
    addMember,
    endMember,
    workingGroupSchema.extend({ intent: z.literal(EDIT_GROUP) }),
    z.object({ intent: z.literal(CLOSE_GROUP) }),
    issueLetter,
    issueLetters,
  ])
  .superRefine(refineMembership);

/** Field errors of a failed parse, as i18n keys by field name. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    // Zod's own messages (an unknown intent, a list where one value belongs) are English sentences, not keys.
    out[key] ??= /^[a-z][A-Za-z]*(\.[A-Za-z_]+)+$/.test(issue.message) ? issue.message : "validation.invalid";
  }
  return out;
}
