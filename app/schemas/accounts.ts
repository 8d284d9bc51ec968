/**
 * Account forms of the admin, shared by the browser (react-hook-form) and the actions (the authority). Messages are
 * i18n keys; the form and the action translate them.
 */
import { z } from "zod";
import { ROLES } from "../../db/enums";
import { toAsciiDigits } from "../utils/digits";

export const PASSWORD_MIN = 12;

/** Latin letters, digits, dot, dash and underscore, starting with a letter: what people type at sign-in. */
const username = z
  .string()
  .trim()
  .transform((v) => toAsciiDigits(v).toLowerCase())
  .pipe(z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/, "validation.username"));
const password = z.string().min(PASSWORD_MIN, "validation.passwordShort").max(200, "validation.tooLong");
const role = z.enum(ROLES, { errorMap: () => ({ message: "validation.choose" }) });

export const accountSchema = z.object({
  username,
  role,
  personId: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isSafeInteger(v) && v > 0), "validation.choose"),
  password,
});
export type AccountInput = z.infer<typeof accountSchema>;

/** The account these act on is the form's `userId`, read by the action. */
export const roleChangeSchema = z.object({ role });
export const passwordResetSchema = z.object({ password });

/** A person changing their own password: the current one proves it is them. */
export const ownPasswordSchema = z.object({
  currentPassword: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
  newPassword: password,
});
