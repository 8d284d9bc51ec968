/** A business rule that refused a change; `code` is an i18n key under `rules.` and `field` the form field it concerns. */
export class RuleViolation extends Error {
  constructor(
    public code: string,
    public field?: string,
    public params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "RuleViolation";
  }
}

/** Turns a database refusal raised by a trigger (`rule:<code>`) or a unique index into a RuleViolation. */
export function asRuleViolation(error: unknown, field?: string): RuleViolation | null {
  if (error instanceof RuleViolation) return error;
  const message = error instanceof Error ? error.message : "";
  const rule = /rule:([a-z_]+)/.exec(message);
  if (rule) return new RuleViolation(rule[1], field);
  if (message.includes("UNIQUE constraint failed")) return new RuleViolation("duplicate", field);
  return null;
}
