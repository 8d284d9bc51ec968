import { type ActionFunctionArgs, json } from "@remix-run/node";
import { z } from "zod";
import { getMeeting, saveDraft } from "../models/meetings.server";
import { minutesDocSchema } from "../schemas/minutes";
import { requireId } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { canEditMinutesOf } from "../utils/permissions.server";
import { clientIp } from "../utils/request.server";
import { RuleViolation } from "../utils/rules";
import { getUser, requireUser } from "../utils/session.server";

const saveSchema = z.object({ doc: minutesDocSchema, version: z.number().int(), saveId: z.string().min(8).max(64) });

/**
 * Saves a minutes draft (autosave and the Save button). Answers JSON only — never a redirect — so an expired
 * session or a conflict leaves the editor, and the text in it, where it is.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = await getFixedT(request);
  const user = await getUser(request);
  if (!user) return json({ ok: false, expired: true, message: t("minutes.expired") }, { status: 401 });
  const id = requireId(params.meetingId);
  const found = getMeeting(id);
  if (!found) return json({ ok: false, message: t("errors.notFound") }, { status: 404 });
  if (!canEditMinutesOf(user, found.meeting.bodyId))
    return json({ ok: false, message: t("errors.forbidden") }, { status: 403 });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ ok: false, message: t("validation.fixErrors") }, { status: 400 });
  }
  const parsed = saveSchema.safeParse(body);
  if (!parsed.success) return json({ ok: false, message: t("validation.tooLong") }, { status: 400 });
  try {
    const result = saveDraft({ userId: user.id, ip: clientIp(context) }, id, parsed.data);
    if (!result.ok) return json({ ok: false, conflict: result.conflict }, { status: 409 });
    return json(result);
  } catch (error) {
    if (error instanceof RuleViolation) return json({ ok: false, message: t(`rules.${error.code}`) }, { status: 409 });
    throw error;
  }
}

export async function loader({ request }: ActionFunctionArgs) {
  await requireUser(request);
  throw new Response("Not found", { status: 404 });
}
