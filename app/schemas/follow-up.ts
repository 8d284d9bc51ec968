import { z } from "zod";
import { toAsciiDigits } from "../utils/digits";
import { jalaliDate } from "./fields";

const note = z.string().trim().max(5000, "validation.tooLong").default("");
const requiredNote = note.pipe(z.string().min(1, "followUp.errors.note"));
const percent = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const text = toAsciiDigits(v ?? "").replace(/[%٪\s]/g, "");
    if (text === "") return null;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0 || n > 100) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "followUp.errors.percent" });
      return z.NEVER;
    }
    return n;
  });

/** One follow-up form per intent; fields a person may not change (subject, owners, deadline) are not in any of them. */
export const followUpSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("progress"), note: requiredNote, percent }),
  z.object({ intent: z.literal("start") }),
  z.object({ intent: z.literal("done"), date: jalaliDate, note }),
  z.object({ intent: z.literal("request_extension"), date: jalaliDate, note: requiredNote }),
  z.object({ intent: z.literal("extend"), date: jalaliDate, note: requiredNote }),
  z.object({
    intent: z.literal("decide"),
    followUpId: z.coerce.number().int().positive(),
    approve: z.enum(["yes", "no"]).transform((v) => v === "yes"),
    note,
  }),
  z.object({ intent: z.literal("cancel"), note: requiredNote }),
  z.object({ intent: z.literal("reopen"), note }),
]);
