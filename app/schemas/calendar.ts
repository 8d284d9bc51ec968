import { z } from "zod";
import { jalaliDate } from "./fields";

/** The work calendar's three forms: the weekend days, a holiday added, a holiday removed. */
export const calendarActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("weekend"), day: z.array(z.coerce.number().int().min(0).max(6)).max(7).default([]) }),
  z.object({
    intent: z.literal("add"),
    date: jalaliDate,
    title: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  }),
  z.object({ intent: z.literal("remove"), date: z.string().max(10) }),
]);
