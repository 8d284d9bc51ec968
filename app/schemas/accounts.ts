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

/** The row forms of the accounts page, each on the account of its `userId`. */
export const accountRowSchema = z.object({ userId: z.coerce.number().int().positive() });

/** The accounts page: create an account, or change one account's role, password or access; or the 2FA setting. */
export const userActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("second-factor-setting"), required: z.enum(["0", "1"]) }),
  accountSchema.extend({ intent: z.literal("create") }),
  accountRowSchema.extend({ intent: z.literal("role"), role }),
  accountRowSchema.extend({ intent: z.literal("password"), password }),
  accountRowSchema.extend({ intent: z.literal("disable") }),
  accountRowSchema.extend({ intent: z.literal("enable") }),
  accountRowSchema.extend({ intent: z.literal("unlock") }),
  accountRowSchema.extend({ intent: z.literal("reset-second-factor") }),
]);

/** A person changing their own password: the current one proves it is them. */
export const ownPasswordSchema = z.object({
  currentPassword: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
  newPassword: password,
});

/** The sessions page: change one's password, sign out everywhere, or end one other session (by its shown prefix). */
export const sessionsActionSchema = z.discriminatedUnion("intent", [
  ownPasswordSchema.extend({ intent: z.literal("password") }),
  z.object({ intent: z.literal("everywhere") }),
  z.object({ intent: z.literal("end-session"), session: z.string().length(12) }),
  z.object({ intent: z.literal("feed-renew") }),
  z.object({ intent: z.literal("feed-revoke") }),
]);
