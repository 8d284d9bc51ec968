import { z } from "zod";
import { HOLIDAY_KINDS } from "../../db/enums";
import { jalaliDate } from "./fields";

/** The work calendar's forms: the weekend days, a holiday added or corrected, an estimated one confirmed, one removed. */
export const calendarActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("weekend"), day: z.array(z.coerce.number().int().min(0).max(6)).max(7).default([]) }),
  z.object({
    intent: z.literal("add"),
    date: jalaliDate,
    title: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
    kind: z.enum(HOLIDAY_KINDS).default("solar"),
  }),
  z.object({ intent: z.literal("confirm"), date: z.string().max(10) }),
  z.object({ intent: z.literal("remove"), date: z.string().max(10) }),
]);
