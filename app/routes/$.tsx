import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireScope } from "../models/access.server";
import { NotFoundError } from "../utils/errors";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";

export const handle = titled("titles.notFound");

/** Any unknown address: signed-out visitors go to sign-in, others get the Persian not-found page. */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    await requireScope(request);
    throw new NotFoundError();
  });
}

export async function action(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    await requireScope(request);
    throw new NotFoundError();
  });
}

export default function NotFound() {
  return null;
}
