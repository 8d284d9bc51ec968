import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { canEditMeeting, getAccess, requireAllowed, requireScope } from "../models/access.server";
import { saveDraft } from "../models/drafts.server";
import { getMeeting } from "../models/meetings.server";
import { minutesDocSchema } from "../schemas/minutes";
import { NotFoundError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";

const saveSchema = z.object({
  doc: minutesDocSchema,
  version: z.number().int(),
  saveId: z.string().min(8).max(64),
  resolved: z.array(z.number().int().positive()).max(500).optional(),
});

/**
 * Saves a minutes draft (autosave and the Save button). Answers JSON only — never a redirect — so an expired
 * session leaves the editor, and the text in it, where it is; a save on an older version is merged (drafts.server).
 */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { t } = await getFixedT(request);
    const access = await getAccess(request, context);
    if (!access) return json({ ok: false, expired: true, message: t("minutes.expired") }, { status: 401 });
    const { scope, actor } = access;
    const id = requireId(params.meetingId);
    const found = getMeeting(scope, id);
    if (!found) return json({ ok: false, message: t("errors.notFound") }, { status: 404 });
    if (!canEditMeeting(scope, found.meeting))
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
      return json(saveDraft(actor, id, parsed.data));
    } catch (error) {
      if (error instanceof RuleViolation)
        return json({ ok: false, message: t(`rules.${error.code}`) }, { status: 409 });
      throw error;
    }
  });
}

/**
 * The draft as saved now, for an editor that has nothing unsaved: `?since=<version>` answers the document only when
 * someone saved a newer version, so both people see the merged draft without reloading.
 */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const found = getMeeting(scope, requireId(params.meetingId));
    if (!found) throw new NotFoundError();
    requireAllowed(canEditMeeting(scope, found.meeting), scope);
    const since = Number(new URL(request.url).searchParams.get("since"));
    const { meeting, doc } = found;
    const newer = Number.isInteger(since) && meeting.version > since && meeting.status !== "final";
    return json({ version: meeting.version, doc: newer ? doc : null });
  });
}
