import { z } from "zod";
import { parseJalaliInput } from "../utils/jalali";

/** A typed Jalali date (any digits and separators), required; becomes an ISO date or a Persian message key. */
export const jalaliDate = z.string().transform((value, ctx) => {
  const parsed = parseJalaliInput(value ?? "");
  if (!parsed.ok) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `date.errors.${parsed.error}` });
    return z.NEVER;
  }
  return parsed.iso;
});
