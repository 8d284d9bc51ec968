import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { getLang, langCookie } from "../utils/locale.server";
import { route } from "../utils/route.server";
import { safeRedirect } from "../utils/session.server";

export const loader = route(async function loader() {
  return redirect("/");
});

/** Switches between Persian and English and returns to the same page. */
export const action = route(async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const requested = form.get("lang");
  const next = requested === "fa" || requested === "en" ? requested : (await getLang(request)) === "fa" ? "en" : "fa";
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await langCookie.serialize(next) },
  });
});
