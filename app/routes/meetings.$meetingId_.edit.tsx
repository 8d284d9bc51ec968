import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MinutesEditor } from "../components/minutes-editor/editor";
import { canEditMeeting, canManageOrganisations, requireAllowed, requireScope } from "../models/access.server";
import { getWeekendDays, listHolidays } from "../models/calendar.server";
import { openConflicts } from "../models/drafts.server";
import { finaliseMeeting } from "../models/finalise-meeting.server";
import { getMeeting, listOpenResolutionsOf, previousGuestsOf } from "../models/meetings.server";
import { getOwnerOptions } from "../models/owner-options.server";
import { FinalisationError, finaliseSchema } from "../schemas/minutes";
import { NotFoundError } from "../utils/errors";
import { parseForm, requireId } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { minutesHeading } from "../utils/meeting-title";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useT } from "../utils/use-t";

export const handle = titled("titles.meetingEdit");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope, actor } = await requireScope(request);
    const found = getMeeting(scope, requireId(params.meetingId));
    if (!found) throw new NotFoundError();
    requireAllowed(canEditMeeting(scope, found.meeting), scope);
    const { meeting, body, doc } = found;
    if (meeting.status === "final") throw redirect(`/meetings/${meeting.id}`);
    const owners = getOwnerOptions();
    // The follow-up section: one entry of the draft per open resolution of earlier meetings, in the list's order.
    const followUps = listOpenResolutionsOf(
      meeting,
      meeting.number,
      doc.followUps.map((f) => f.resolutionId),
    );
    const decided = new Map(doc.followUps.map((f) => [f.resolutionId, f]));
    doc.followUps = followUps.map(
      (r) => decided.get(r.id) ?? { resolutionId: r.id, status: "", percent: "", note: "", newDueDate: "" },
    );
    return json({
      meetingId: meeting.id,
      number: meeting.number,
      bodyName: body.name,
      groupName: found.group?.name ?? null,
      status: meeting.status,
      edition: meeting.edition,
      version: meeting.version,
      doc,
      owners,
      canCreateOrganisations: canManageOrganisations(scope),
      committees: owners.bodies.filter((b) => b.bodyKind === "committee").map((b) => ({ id: b.id, name: b.name })),
      people: owners.people.map((p) => ({ id: p.id, name: p.name })),
      calendar: { weekendDays: getWeekendDays(), holidays: listHolidays().map((h) => h.date) },
      followUps,
      quorum: { kind: body.quorumKind, count: body.quorumCount },
      previousGuests: previousGuestsOf(meeting, meeting.number),
      conflicts: openConflicts(meeting.id, actor.userId),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const id = requireId(params.meetingId);
    const found = getMeeting(scope, id);
    if (!found) throw new NotFoundError();
    requireAllowed(canEditMeeting(scope, found.meeting), scope);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), finaliseSchema, t);
    if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
    try {
      finaliseMeeting(actor, id, parsed.data);
    } catch (error) {
      if (error instanceof FinalisationError) return json({ errors: error.errors }, { status: 400 });
      if (error instanceof RuleViolation) return json({ message: t(`rules.${error.code}`) }, { status: 409 });
      throw error;
    }
    return redirect(`/meetings/${id}`);
  });
}

export default function EditMinutes() {
  const data = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <p className="muted">
            {data.bodyName} · {t(`minutes.status.${data.status}`)}
          </p>
          <h1>{minutesHeading(t, data)}</h1>
        </div>
        <Link to={`/meetings/${data.meetingId}`} className="button">
          {t("minutes.open")}
        </Link>
      </header>
      <MinutesEditor key={`${data.meetingId}-${data.edition}`} {...data} />
    </div>
  );
}
