import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { canEditMinutesOf, requireAllowed, requireScope } from "../models/access.server";
import { createMeeting } from "../models/meetings.server";
import { ValidationError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    await requireScope(request);
    return redirect("/meetings");
  });
}

/** Opens a new meeting of a body, numbered and pre-filled, and goes straight to typing its minutes. */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const bodyId = requireId(String((await request.formData()).get("bodyId") ?? ""));
    requireAllowed(canEditMinutesOf(scope, bodyId), scope);
    try {
      const id = createMeeting(actor, bodyId);
      return redirect(`/meetings/${id}/edit`);
    } catch (error) {
      if (error instanceof RuleViolation) throw new ValidationError(error.code);
      throw error;
    }
  });
}
