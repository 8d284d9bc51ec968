import { z } from "zod";

/** The sign-off panel of a meeting: send for sign-off, confirm (sign), or ask for a change with a comment. */
export const signoffActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("request") }),
  z.object({ intent: z.literal("confirm") }),
  z.object({
    intent: z.literal("change"),
    comment: z.string().trim().min(1, "signoff.errors.comment").max(2000, "validation.tooLong"),
  }),
]);
