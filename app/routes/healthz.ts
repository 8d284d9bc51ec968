import { json } from "@remix-run/node";
import { isDatabaseHealthy } from "../utils/db.server";
import { route } from "../utils/route.server";

/** Liveness for monitors: answers only when the database answers. */
export async function loader(args: { request: Request }) {
  return route(args, async () => {
    const ok = isDatabaseHealthy();
    return json({ status: ok ? "ok" : "error" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  });
}
