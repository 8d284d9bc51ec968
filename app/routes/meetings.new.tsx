import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { createMeeting } from "../models/meetings.server";
import { requireId } from "../utils/forms.server";
import { canEditMinutesOf, requirePermission } from "../utils/permissions.server";
import { clientIp } from "../utils/request.server";
import { RuleViolation } from "../utils/rules";
import { requireUser } from "../utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect("/meetings");
}

/** Opens a new meeting of a body, numbered and pre-filled, and goes straight to typing its minutes. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const bodyId = requireId(String((await request.formData()).get("bodyId") ?? ""));
  requirePermission(canEditMinutesOf(user, bodyId), user, request);
  try {
    const id = createMeeting({ userId: user.id, ip: clientIp(context) }, bodyId);
    return redirect(`/meetings/${id}/edit`);
  } catch (error) {
    if (error instanceof RuleViolation) throw new Response("Bad request", { status: 400 });
    throw error;
  }
}
