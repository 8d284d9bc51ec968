import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { route } from "../utils/route.server";
import { destroyUserSession } from "../utils/session.server";

export async function loader(args: { request: Request }) {
  return route(args, async () => {
    return redirect("/");
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request }: ActionFunctionArgs) => {
    return redirect("/login", { headers: { "Set-Cookie": await destroyUserSession(request) } });
  });
}
