/** The data-supply forms: a data set (secretariat) and a change of a data set's stage, with a delivery if one came. */
import { z } from "zod";
import { DATA_FREQUENCIES, DATA_LEVELS } from "../../db/enums";
import { toAsciiDigits } from "../utils/digits";
import { jalaliDate } from "./fields";
import { optionalJalaliDate } from "./organisation";

const text = (max: number) => z.string().trim().max(max, "validation.tooLong").default("");
const id = z.coerce.number({ invalid_type_error: "validation.choose" }).int().positive("validation.choose");
const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (Number.isInteger(v) && v > 0), "validation.choose");

export const dataSetSchema = z.object({
  organisationId: id,
  name: text(200).pipe(z.string().min(1, "validation.required")),
  level: z.enum(DATA_LEVELS, { errorMap: () => ({ message: "validation.choose" }) }),
  items: text(2000),
  frequency: z.enum(DATA_FREQUENCIES, { errorMap: () => ({ message: "validation.choose" }) }),
  resolutionId: optionalId,
  committeeId: id,
  scheduleDate: optionalJalaliDate,
});
export type DataSetInput = z.output<typeof dataSetSchema>;

/** A record count typed in any digits (۱٬۲۳۴٬۵۶۷ too), or nothing. */
const recordCount = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const t = toAsciiDigits(v ?? "").replace(/[,٬\s]/g, "");
    if (t === "") return null;
    const n = Number(t);
    if (!Number.isSafeInteger(n) || n < 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "supply.errors.recordCount" });
      return z.NEVER;
    }
    return n;
  });

export const changeSchema = z
  .object({
    intent: z.literal("change"),
    /** The stage it moves to; the current stage for a note or a delivery without a move. */
    toStageId: id,
    date: jalaliDate,
    note: text(5000),
    blockedOn: text(300),
    delivered: z
      .string()
      .optional()
      .transform((v) => v === "on"),
    period: text(200),
    recordCount,
    findings: text(5000),
  })
  .superRefine((v, ctx) => {
    if (v.delivered && v.recordCount === null)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["recordCount"],
        message: "supply.errors.recordCountRequired",
      });
  });
export type ChangeInput = z.output<typeof changeSchema>;
