import { json } from "@remix-run/node";
import { ForbiddenError, NotFoundError } from "./errors";
import { recordDenied } from "./session.server";

/** The body of every refusal answer: the Persian error page reads its status, a script its code. */
export type ErrorBody = { error: { status: 403 | 404; code: "forbidden" | "notFound" } };

const GUARDED = Symbol.for("census.route");

/**
 * Wraps a loader or action so that the typed errors models throw become their answers in one place: 404 for
 * NotFoundError, 403 for ForbiddenError (written to the audit log as a refused access). Every route's loader and
 * action is wrapped (a unit test checks the sources).
 */
export function route<Args extends { request: Request }, Result>(
  fn: (args: Args) => Promise<Result>,
): (args: Args) => Promise<Result> {
  const guarded = async (args: Args) => {
    try {
      return await fn(args);
    } catch (error) {
      throw errorAnswer(error, args.request);
    }
  };
  return Object.assign(guarded, { [GUARDED]: true });
}

function errorAnswer(error: unknown, request: Request): unknown {
  if (error instanceof NotFoundError) return refusal(404);
  if (error instanceof ForbiddenError) {
    recordDenied({ id: error.userId }, request);
    return refusal(403);
  }
  return error;
}

const refusal = (status: 403 | 404) =>
  json<ErrorBody>({ error: { status, code: status === 404 ? "notFound" : "forbidden" } }, { status });
