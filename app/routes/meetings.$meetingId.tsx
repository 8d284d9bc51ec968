import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DocumentsPanel } from "../components/documents-panel";
import { MinutesView } from "../components/minutes-view";
import { SignoffPanel } from "../components/signoff-panel";
import { canEditMeeting, canReadMeeting, requireAllowed, requireScope } from "../models/access.server";
import { documentRights, listMeetingDocuments } from "../models/documents.server";
import { cancelCorrection, deleteDraft, getMinutesView, startCorrection } from "../models/meetings.server";
import { resolutionCodesOf } from "../models/resolutions.server";
import { getSignoff } from "../models/signoff.server";
import { meetingActionSchema } from "../schemas/minutes";
import { NotFoundError } from "../utils/errors";
import { parseForm, requireId } from "../utils/forms.server";
import { formatTimestamp } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.meeting");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const found = getMinutesView(scope, requireId(params.meetingId));
    if (!found) throw new NotFoundError();
    requireAllowed(canReadMeeting(scope, found.meeting), scope);
    const { meeting, view, editions, shownEdition } = found;
    return json({
      id: meeting.id,
      status: meeting.status,
      edition: meeting.edition,
      view,
      // Resolutions exist once the minutes were final: each row then shows its code, a link to its page.
      codes: meeting.status === "draft" ? {} : resolutionCodesOf(meeting.id),
      editions,
      shownEdition,
      canEdit: canEditMeeting(scope, meeting),
      // The meeting's documents with those of its agenda items and committee reports, each saying which it is.
      ...listMeetingDocuments(scope, meeting.id),
      canAttach: documentRights(scope, { entity: "meeting", entityId: meeting.id })?.attach ?? false,
      pdfError: new URL(request.url).searchParams.has("pdfError"),
      signoff: meeting.status === "draft" ? null : getSignoff(scope, meeting),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const id = requireId(params.meetingId);
    const found = getMinutesView(scope, id);
    if (!found) throw new NotFoundError();
    requireAllowed(canEditMeeting(scope, found.meeting), scope);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), meetingActionSchema, t);
    if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
    switch (parsed.data.intent) {
      case "start-correction":
        startCorrection(actor, id);
        return redirect(`/meetings/${id}/edit`);
      case "cancel-correction":
        cancelCorrection(actor, id);
        return redirect(`/meetings/${id}`);
      case "delete-draft":
        deleteDraft(actor, id);
        return redirect("/meetings");
    }
  });
}

export default function MinutesPage() {
  const {
    id,
    status,
    edition,
    view,
    codes,
    editions,
    shownEdition,
    canEdit,
    pdfError,
    documents,
    canAttach,
    parts,
    signoff,
  } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  return (
    <div className="stack">
      <div className="page-header no-print">
        <div className="row">
          <span className={status === "final" ? "badge badge--ok" : "badge badge--warn"}>
            {t(`minutes.status.${status}`)}
          </span>
          {shownEdition ? <span className="badge">{t("minutes.edition", { edition: shownEdition })}</span> : null}
        </div>
        <div className="row">
          {canEdit && status !== "final" ? (
            <Link to={`/meetings/${id}/edit`} className="button button--primary">
              {t("minutes.continueEditing")}
            </Link>
          ) : null}
          {canEdit && status === "final" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="start-correction" />
              <button type="submit" className="button">
                {t("minutes.correctionStart")}
              </button>
            </Form>
          ) : null}
          {canEdit && status === "correcting" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="cancel-correction" />
              <button type="submit" className="button">
                {t("minutes.correctionCancel")}
              </button>
            </Form>
          ) : null}
          {canEdit && status === "draft" ? (
            <Form
              method="post"
              onSubmit={(e) => {
                if (!window.confirm(t("minutes.deleteConfirm"))) e.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="delete-draft" />
              <button type="submit" className="button button--danger">
                {t("minutes.deleteDraft")}
              </button>
            </Form>
          ) : null}
          <a href={`/meetings/${id}/pdf`} className="button" download>
            {t("minutes.pdf")}
          </a>
          <button type="button" className="button" onClick={() => window.print()}>
            {t("minutes.print")}
          </button>
        </div>
      </div>
      {pdfError ? (
        <p className="alert alert--error no-print" role="alert">
          {t("minutes.pdfError")}
        </p>
      ) : null}
      {status === "draft" ? <p className="alert alert--error no-print">{t("minutes.draftBanner")}</p> : null}
      {status === "correcting" ? (
        <p className="alert alert--error no-print">
          {t("minutes.correcting", { edition: shownEdition ?? edition - 1 })}
        </p>
      ) : null}
      {signoff ? <SignoffPanel meetingId={id} signoff={signoff} final={status === "final"} /> : null}
      <div className="card">
        <MinutesView data={view} codes={codes} />
      </div>
      <div className="no-print">
        <DocumentsPanel
          entity="meeting"
          entityId={id}
          documents={documents}
          canAttach={canAttach}
          frozen={status === "final"}
          parts={parts}
        />
      </div>
      {editions.length > 0 ? (
        <section className="card no-print" aria-labelledby="editions-title">
          <h2 id="editions-title">{t("minutes.editions")}</h2>
          <ul className="plain-list">
            {editions.map((e) => (
              <li key={e.edition}>
                <Link to={`/meetings/${id}/editions/${e.edition}`}>{t("minutes.edition", { edition: e.edition })}</Link>{" "}
                · {formatTimestamp(e.createdAt, lang)} ·{" "}
                {e.reason ? t("minutes.editionReason", { reason: e.reason }) : t("minutes.firstEdition")} ·{" "}
                <a href={`/meetings/${id}/pdf?edition=${e.edition}`} download>
                  {t("minutes.editionPdf", { edition: e.edition })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
