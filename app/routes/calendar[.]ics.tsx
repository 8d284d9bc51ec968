import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedCalendar } from "../models/calendar-feed.server";
import { NotFoundError } from "../utils/errors";
import { route } from "../utils/route.server";
import { appUrl } from "../utils/verification.server";

/**
 * `/calendar.ics?key=…`: a person's private calendar feed, for calendar apps (which send no session). The key is
 * the only credential; unknown or revoked keys are a 404, like any address that is not there.
 */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const key = new URL(request.url).searchParams.get("key") ?? "";
    const body = feedCalendar(key, appUrl(request));
    if (body === null) throw new NotFoundError();
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="census-hq.ics"',
        "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer",
      },
    });
  });
}
