import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { canReadMeeting, requireAllowed, requireScope } from "../models/access.server";
import { getMeeting } from "../models/meetings.server";
import { answerSignoff, requestSignoff } from "../models/signoff.server";
import { signoffActionSchema } from "../schemas/signoff";
import { NotFoundError } from "../utils/errors";
import { parseForm, requireId, ruleViolationResponse } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";

/**
 * The meeting page's sign-off panel posts here: «ارسال برای تأیید» (those who keep the minutes, the chair),
 * «تأیید صورتجلسه» and «درخواست اصلاح» (each person present, for themselves; the model checks who was asked).
 */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const id = requireId(params.meetingId);
    const found = getMeeting(scope, id);
    if (!found) throw new NotFoundError();
    requireAllowed(canReadMeeting(scope, found.meeting), scope);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), signoffActionSchema, t);
    if (!parsed.ok) return json({ intent: parsed.intent, errors: parsed.errors }, { status: 400 });
    try {
      if (parsed.data.intent === "request") requestSignoff(actor, scope, id);
      else answerSignoff(actor, scope, id, parsed.data);
    } catch (error) {
      if (error instanceof RuleViolation) return ruleViolationResponse(error, t, parsed.data.intent);
      throw error;
    }
    return redirect(`/meetings/${id}#signoff`);
  });
}

/**
 * The sign-off request mail links here: signed out, the person signs in and comes back (the sign-in keeps this
 * path); signed in, they land on the meeting page's sign-off panel, where they confirm or ask for a change.
 */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const id = requireId(params.meetingId);
    const found = getMeeting(scope, id);
    if (!found) throw new NotFoundError();
    requireAllowed(canReadMeeting(scope, found.meeting), scope);
    return redirect(`/meetings/${id}#signoff`);
  });
}
