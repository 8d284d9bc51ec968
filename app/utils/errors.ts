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

/** The request cannot mean anything (an unknown intent, acting on one's own account where that is refused): 400. */
export class ValidationError extends Error {
  constructor(what = "invalid request") {
    super(what);
    this.name = "ValidationError";
  }
}

/** The record moved on since the request was made (issued, final, changed by someone else): 409. */
export class ConflictError extends Error {
  constructor(what = "conflict") {
    super(what);
    this.name = "ConflictError";
  }
}
