import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { route } from "../utils/route.server";
import { destroyUserSession } from "../utils/session.server";

export const loader = route(async function loader() {
  return redirect("/");
});

export const action = route(async function action({ request }: ActionFunctionArgs) {
  return redirect("/login", { headers: { "Set-Cookie": await destroyUserSession(request) } });
});
