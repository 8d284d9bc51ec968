import { json } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { z } from "zod";
import { fieldErrors } from "../schemas/organisation";
import { NotFoundError } from "./errors";
import { MAX_GROUPS_PER_COMMITTEE, MAX_MEMBERS_PER_GROUP } from "./limits";
import type { RuleViolation } from "./rules";

export type FormErrors = Record<string, string>;

/**
 * Parses a submitted form with its schema; errors come back translated, by field, with the form's `intent` (the
 * form they belong to, on a page of several). `lists` name repeated fields.
 */
export function parseForm<S extends z.ZodTypeAny>(
  form: FormData,
  schema: S,
  t: TFunction,
  { lists = [] as string[] } = {},
): { ok: true; data: z.output<S> } | { ok: false; errors: FormErrors; intent?: string } {
  const values: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  for (const key of lists) values[key] = form.getAll(key).filter((v) => typeof v === "string");
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors = fieldErrors(result.error);
  return {
    ok: false,
    errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(v)])),
    intent: typeof values.intent === "string" ? values.intent : undefined,
  };
}

const RULE_PARAMS: Record<string, Record<string, number>> = {
  working_group_limit: { limit: MAX_GROUPS_PER_COMMITTEE },
  group_member_limit: { limit: MAX_MEMBERS_PER_GROUP },
};

/** The 400/409 answer for a refused rule: the Persian message next to the field, nothing changed. */
export function ruleViolationResponse(violation: RuleViolation, t: TFunction, intent?: string) {
  const message = t(`rules.${violation.code}`, { ...RULE_PARAMS[violation.code], ...violation.params });
  const status = violation.code.endsWith("_limit") || violation.code === "duplicate" ? 409 : 400;
  return json({ intent, errors: { [violation.field ?? "form"]: message } as FormErrors }, { status });
}

/** The 400 answer for invalid input. */
export function invalidFormResponse(errors: FormErrors, intent?: string) {
  return json({ intent, errors }, { status: 400 });
}

/** Reads a positive integer route parameter, or answers 404. */
export function requireId(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
  return id;
}
