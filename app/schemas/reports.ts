/** The actions of a report's page. Messages are i18n keys; the action translates them. */
import { z } from "zod";

const MAX_SECTIONS = 200;

/** The narrative a secretary types into a draft: the cover text and a note per committee (`noteBodyId[i]`, `note[i]`). */
const narrative = {
  coverText: z.string().max(20_000, "validation.tooLong").default(""),
  noteBodyId: z.array(z.coerce.number().int().positive()).max(MAX_SECTIONS).default([]),
  note: z.array(z.string().max(10_000, "validation.tooLong")).max(MAX_SECTIONS).default([]),
  /** The person who signs the cover letter; empty for none. */
  signerPersonId: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.coerce.number({ invalid_type_error: "validation.choose" }).int().positive("validation.choose").nullable(),
  ),
};

/** Save the draft's text; issue it (saving what is typed first); or start a correction of an issued report. */
export const reportActionSchema = z
  .discriminatedUnion("intent", [
    z.object({ intent: z.literal("save"), ...narrative }),
    z.object({ intent: z.literal("issue"), ...narrative }),
    z.object({ intent: z.literal("correct") }),
  ])
  .superRefine((v, ctx) => {
    if (v.intent !== "correct" && v.noteBodyId.length !== v.note.length)
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.fixErrors", path: ["note"] });
  });

/** The typed narrative as the model stores it: notes by body id, empty ones left out. */
export function narrativeOf(v: {
  coverText: string;
  noteBodyId: number[];
  note: string[];
  signerPersonId: number | null;
}) {
  const notes: Record<string, string> = {};
  v.noteBodyId.forEach((bodyId, i) => {
    if (v.note[i].trim()) notes[String(bodyId)] = v.note[i];
  });
  return { coverText: v.coverText, notes, signerPersonId: v.signerPersonId };
}
