/**
 * What a model throws when it refuses: `route()` (app/utils/route.server.ts) turns each into its HTTP answer in one
 * place. A refused rule with a message next to a field is a `RuleViolation` (app/utils/rules.ts), answered by the
 * route's form.
 */

/** The thing asked for does not exist (or its id is malformed): 404. */
export class NotFoundError extends Error {
  constructor(what = "not found") {
    super(what);
    this.name = "NotFoundError";
  }
}

/** The thing exists but this person may not read or change it: 403, and the refusal is audited. */
export class ForbiddenError extends Error {
  /** `userId`: who was refused, for the audit log. */
  constructor(
    readonly userId: number | null,
    what = "forbidden",
  ) {
    super(what);
    this.name = "ForbiddenError";
  }
}
