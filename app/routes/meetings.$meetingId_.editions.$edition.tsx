import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MinutesView } from "../components/minutes-view";
import { getEdition, getMeeting } from "../models/meetings.server";
import { requireId } from "../utils/forms.server";
import { canReadMeetingsOf, requirePermission } from "../utils/permissions.server";
import { requireUser } from "../utils/session.server";
import { useT } from "../utils/use-t";

/** An earlier (or the current) edition of final minutes, exactly as it was finalised. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = requireId(params.meetingId);
  const found = getMeeting(id);
  if (!found) throw new Response("Not found", { status: 404 });
  requirePermission(canReadMeetingsOf(user, found.meeting.bodyId), user, request);
  const edition = requireId(params.edition);
  const snapshot = getEdition(id, edition);
  if (!snapshot) throw new Response("Not found", { status: 404 });
  const latest = found.editions.at(-1)?.edition ?? edition;
  return json({ id, edition, snapshot, isOlder: edition < latest });
}

export default function EditionPage() {
  const { id, edition, snapshot, isOlder } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="stack">
      <div className="page-header no-print">
        <span className="badge">{t("minutes.edition", { edition })}</span>
        <Link to={`/meetings/${id}`} className="button">
          {t("common.back")}
        </Link>
      </div>
      {isOlder ? <p className="alert alert--error">{t("minutes.olderEdition", { edition })}</p> : null}
      <div className="card">
        <MinutesView data={snapshot} />
      </div>
    </div>
  );
}
