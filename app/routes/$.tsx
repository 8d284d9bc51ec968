import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../utils/session.server";

/** Any unknown address: signed-out visitors go to sign-in, others get the Persian not-found page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw new Response("Not found", { status: 404 });
}

export async function action({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
