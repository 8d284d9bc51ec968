import { z } from "zod";
import { SERIES_FREQUENCIES } from "../../db/enums";
import { parseTime } from "../utils/jalali";
import { jalaliDate } from "./fields";
import { optionalJalaliDate } from "./organisation";

const time = (required: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) {
        if (required) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.required" });
        return null;
      }
      const parsed = parseTime(v);
      if (!parsed) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "series.errors.time" });
      return parsed;
    });

/** A body's recurring meetings: how often, from which first day, until when, at what time and where. */
export const seriesSchema = z
  .object({
    intent: z.literal("save"),
    frequency: z.enum(SERIES_FREQUENCIES, { errorMap: () => ({ message: "validation.choose" }) }),
    startsOn: jalaliDate,
    until: optionalJalaliDate,
    startTime: time(true),
    endTime: time(false),
    place: z.string().trim().max(200, "validation.tooLong").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.until && v.until < v.startsOn)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["until"], message: "series.errors.until" });
    if (v.startTime && v.endTime && v.endTime <= v.startTime)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endTime"], message: "series.errors.endTime" });
  });
export type SeriesInput = z.output<typeof seriesSchema>;

export const SERIES_INTENTS = ["save", "stop", "skip"] as const;
