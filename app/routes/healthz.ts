import { json } from "@remix-run/node";
import { isDatabaseHealthy } from "../utils/db.server";

/** Liveness for monitors: answers only when the database answers. */
export async function loader() {
  const ok = isDatabaseHealthy();
  return json({ status: ok ? "ok" : "error" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
