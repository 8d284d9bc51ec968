import { json } from "@remix-run/node";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "./errors";
import { cleanDeep, cleanText } from "./normalize";
import { recordDenied } from "./session.server";

/** The body of every refusal answer: the Persian error page reads its status, a script its code. */
export type ErrorBody = { error: { status: Status; code: (typeof CODES)[Status] } };
const CODES = { 400: "invalid", 403: "forbidden", 404: "notFound", 409: "conflict" } as const;
type Status = keyof typeof CODES;

/**
 * Runs a loader's or action's body (`return route(args, async ({ request }) => …)`) so that the typed errors models throw become their answers in one place: 404 for
 * NotFoundError, 403 for ForbiddenError (written to the audit log as a refused access), 400 for ValidationError, 409 for
 * ConflictError. Every route's loader and
 * action is wrapped (a unit test checks the sources). The call sits inside an exported function, which
 * the compiler drops from the browser bundle; an exported `const loader = route(…)` would run in the browser too.
 */
export async function route<Args extends { request: Request }, Result>(
  args: Args,
  fn: (args: Args) => Promise<Result>,
): Promise<Result> {
  try {
    cleanBodies(args.request);
    return await fn(args);
  } catch (error) {
    throw errorAnswer(error, args.request);
  }
}

/**
 * Every text a person sends reaches the action without NUL bytes or other control characters (cleanText): the
 * request's formData() and json() are replaced on this request, so no action can read the raw text.
 */
function cleanBodies(request: Request) {
  if (request.method === "GET" || request.method === "HEAD") return;
  const formData = request.formData.bind(request);
  const readJson = request.json.bind(request);
  Object.assign(request, {
    formData: async () => {
      const clean = new FormData();
      for (const [key, value] of await formData())
        if (typeof value === "string") clean.append(cleanText(key), cleanText(value));
        else clean.append(cleanText(key), value);
      return clean;
    },
    json: async () => cleanDeep(await readJson()),
  });
}

function errorAnswer(error: unknown, request: Request): unknown {
  if (error instanceof NotFoundError) return refusal(404);
  if (error instanceof ValidationError) return refusal(400);
  if (error instanceof ConflictError) return refusal(409);
  if (error instanceof ForbiddenError) {
    recordDenied({ id: error.userId }, request);
    return refusal(403);
  }
  return error;
}

const refusal = (status: Status) => json<ErrorBody>({ error: { status, code: CODES[status] } }, { status });
