import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { canEditGroupMinutesOf, canEditMinutesOf, requireAllowed, requireScope } from "../models/access.server";
import { createMeeting } from "../models/meetings.server";
import { getWorkingGroup } from "../models/working-groups.server";
import { NotFoundError, ValidationError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";

export const handle = titled("titles.meetingNew");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    await requireScope(request);
    return redirect("/meetings");
  });
}

/**
 * Opens a new meeting of a body — or, with `workingGroupId`, of a committee's working group — numbered and
 * pre-filled, and goes straight to typing its minutes.
 */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const form = await request.formData();
    const groupField = form.get("workingGroupId");
    let bodyId: number;
    let workingGroupId: number | null = null;
    if (groupField) {
      const found = getWorkingGroup(requireId(String(groupField)));
      if (!found) throw new NotFoundError();
      requireAllowed(canEditGroupMinutesOf(scope, found.group), scope);
      bodyId = found.group.committeeId;
      workingGroupId = found.group.id;
    } else {
      bodyId = requireId(String(form.get("bodyId") ?? ""));
      requireAllowed(canEditMinutesOf(scope, bodyId), scope);
    }
    try {
      const id = createMeeting(actor, bodyId, { workingGroupId });
      return redirect(`/meetings/${id}/edit`);
    } catch (error) {
      if (error instanceof RuleViolation) throw new ValidationError(error.code);
      throw error;
    }
  });
}
