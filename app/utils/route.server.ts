import { json } from "@remix-run/node";
import { ForbiddenError, NotFoundError } from "./errors";
import { recordDenied } from "./session.server";

/** The body of every refusal answer: the Persian error page reads its status, a script its code. */
export type ErrorBody = { error: { status: 403 | 404; code: "forbidden" | "notFound" } };

/**
 * Runs a loader's or action's body (`return route(args, async ({ request }) => …)`) so that the typed errors models throw become their answers in one place: 404 for
 * NotFoundError, 403 for ForbiddenError (written to the audit log as a refused access). Every route's loader and
 * action is wrapped (a unit test checks the sources). The call sits inside an exported function, which
 * the compiler drops from the browser bundle; an exported `const loader = route(…)` would run in the browser too.
 */
export async function route<Args extends { request: Request }, Result>(
  args: Args,
  fn: (args: Args) => Promise<Result>,
): Promise<Result> {
  try {
    return await fn(args);
  } catch (error) {
    throw errorAnswer(error, args.request);
  }
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
