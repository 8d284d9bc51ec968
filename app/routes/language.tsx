import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { getAccess } from "../models/access.server";
import { rememberLanguage } from "../models/mail.server";
import { getLang, langCookie } from "../utils/locale.server";
import { route } from "../utils/route.server";
import { safeRedirect } from "../utils/session.server";

export async function loader(args: { request: Request }) {
  return route(args, async () => {
    return redirect("/");
  });
}

/** Switches between Persian and English and returns to the same page. */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request }: ActionFunctionArgs) => {
    const form = await request.formData();
    const requested = form.get("lang");
    const next = requested === "fa" || requested === "en" ? requested : (await getLang(request)) === "fa" ? "en" : "fa";
    // Mail to a signed-in person is written in the language they last chose.
    const access = await getAccess(request);
    if (access) rememberLanguage(access.user.id, next);
    return redirect(safeRedirect(form.get("redirectTo")), {
      headers: { "Set-Cookie": await langCookie.serialize(next) },
    });
  });
}
