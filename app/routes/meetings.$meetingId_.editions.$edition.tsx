import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MinutesView } from "../components/minutes-view";
import { canReadMeeting, requireAllowed, requireScope } from "../models/access.server";
import { getEdition, getMeeting } from "../models/meetings.server";
import { NotFoundError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useT } from "../utils/use-t";

export const handle = titled("titles.meetingEdition");

/** An earlier (or the current) edition of final minutes, exactly as it was finalised. */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const id = requireId(params.meetingId);
    const found = getMeeting(scope, id);
    if (!found) throw new NotFoundError();
    requireAllowed(canReadMeeting(scope, found.meeting), scope);
    const edition = requireId(params.edition);
    const snapshot = getEdition(scope, id, edition);
    if (!snapshot) throw new NotFoundError();
    const latest = found.editions.at(-1)?.edition ?? edition;
    return json({ id, edition, snapshot, isOlder: edition < latest });
  });
}

export default function EditionPage() {
  const { id, edition, snapshot, isOlder } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="stack">
      <div className="page-header no-print">
        <span className="badge">{t("minutes.edition", { edition })}</span>
        <div className="row">
          <a href={`/meetings/${id}/pdf?edition=${edition}`} className="button" download>
            {t("minutes.editionPdf", { edition })}
          </a>
          <Link to={`/meetings/${id}`} className="button">
            {t("common.back")}
          </Link>
        </div>
      </div>
      {isOlder ? <p className="alert alert--error">{t("minutes.olderEdition", { edition })}</p> : null}
      <div className="card">
        <MinutesView data={snapshot} />
      </div>
    </div>
  );
}
