import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { destroyUserSession } from "../utils/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/login", { headers: { "Set-Cookie": await destroyUserSession(request) } });
}
