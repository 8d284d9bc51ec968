import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DocumentsPanel } from "../components/documents-panel";
import { ReportView } from "../components/report-view";
import { canComposeReports, requireAllowed, requireScope } from "../models/access.server";
import { documentRights, listDocuments } from "../models/documents.server";
import {
  createReportDraft,
  getReport,
  issueReport,
  signerOptions,
  upcomingNumber,
  updateReportDraft,
} from "../models/reports.server";
import { narrativeOf, reportActionSchema } from "../schemas/reports";
import { localDigits } from "../utils/digits";
import { ConflictError, NotFoundError } from "../utils/errors";
import { parseForm, requireId } from "../utils/forms.server";
import { formatTimestamp } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { PdfBusyError, PdfError } from "../utils/pdf.server";
import { printReport, reportViewProps } from "../utils/report-print.server";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.report");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const report = getReport(scope, requireId(params.reportId));
    if (!report) throw new NotFoundError();
    const compose = canComposeReports(scope);
    const { t } = await getFixedT(request);
    const target = { entity: "report" as const, entityId: report.id };
    return json({
      report,
      view: reportViewProps(report, t),
      compose,
      documents: listDocuments(scope, [target]),
      canAttach: documentRights(scope, target)?.attach ?? false,
      signers: compose && report.status === "draft" ? signerOptions() : [],
      upcoming: compose && report.status === "draft" ? upcomingNumber(report.id) : null,
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canComposeReports(scope), scope);
    const id = requireId(params.reportId);
    const report = getReport(scope, id);
    if (!report) throw new NotFoundError();
    const { t, lang } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), reportActionSchema, t, { lists: ["noteBodyId", "note"] });
    if (!parsed.ok)
      return json(
        { ok: false, message: Object.values(parsed.errors)[0], field: Object.keys(parsed.errors)[0] },
        { status: 400 },
      );
    const change = parsed.data;
    try {
      switch (change.intent) {
        case "save":
          updateReportDraft(actor, id, narrativeOf(change));
          return json({ ok: true, message: t("reports.saved") });
        case "issue": {
          // What was typed is saved first, so issuing never drops it, and the print carries it.
          updateReportDraft(actor, id, narrativeOf(change));
          const draft = getReport(scope, id)!;
          const number = upcomingNumber(id)!;
          let printed: Awaited<ReturnType<typeof printReport>>;
          try {
            printed = await printReport(draft, lang, number);
          } catch (error) {
            if (error instanceof PdfBusyError) return json({ ok: false, message: t("pdf.busy") }, { status: 503 });
            if (error instanceof PdfError) {
              console.error("report pdf failed:", error.message);
              return json({ ok: false, message: t("reports.pdfFailed") }, { status: 503 });
            }
            throw error;
          }
          issueReport(actor, id, { ...draft, number }, printed.pdf, printed.pages);
          return redirect(`/reports/${id}`);
        }
        case "correct": {
          if (report.status !== "issued") throw new ConflictError("report not issued");
          const draft = createReportDraft(
            actor,
            { kind: report.kind, year: report.year, period: report.period },
            t,
            id,
          );
          return redirect(`/reports/${draft}`);
        }
      }
    } catch (error) {
      if (error instanceof RuleViolation)
        return json({ ok: false, message: t(`rules.${error.code}`), field: error.field }, { status: 409 });
      throw error;
    }
  });
}

export default function ReportPage() {
  const { report, view, compose, documents, canAttach, signers, upcoming } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { ok?: boolean; message?: string; field?: string } | undefined;
  const signerError = actionData?.field === "signerPersonId" ? actionData.message : undefined;
  const navigation = useNavigation();
  const { t } = useT();
  const lang = useLang();
  const busy = navigation.state !== "idle";
  const issued = report.status === "issued";
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>{view.title}</h1>
          <div className="row">
            <span className={issued ? "badge badge--ok" : "badge badge--warn"}>
              {t(`reports.status.${report.status}`)}
            </span>
            {report.number ? (
              <span>
                {t("reports.number")}: {localDigits(report.number, lang)}
              </span>
            ) : null}
            {report.issuedAt ? <span>{formatTimestamp(report.issuedAt, lang)}</span> : null}
            {report.pages ? <span>{t("reports.pages", { count: report.pages })}</span> : null}
          </div>
          {report.sha256 ? (
            <p className="small muted">
              {t("reports.hash")}: <code dir="ltr">{report.sha256}</code>
            </p>
          ) : null}
        </div>
        <div className="row">
          {issued ? (
            <a className="button button--primary" href={`/reports/${report.id}/pdf`} download>
              {t("reports.download")}
            </a>
          ) : null}
          {!issued && compose ? (
            <a className="button" href={`/reports/${report.id}/preview.pdf`} target="_blank" rel="noreferrer">
              {t("reports.previewPdf")}
            </a>
          ) : null}
          {issued && compose ? (
            <Form method="post">
              <input type="hidden" name="intent" value="correct" />
              <button type="submit" className="button">
                {t("reports.correct")}
              </button>
            </Form>
          ) : null}
        </div>
      </header>
      {actionData?.message && !signerError ? (
        <p
          className={actionData.ok ? "alert alert--ok" : "alert alert--error"}
          role={actionData.ok ? "status" : "alert"}
        >
          {actionData.message}
        </p>
      ) : null}
      {issued ? <p className="alert alert--ok">{t("reports.immutable")}</p> : null}
      <DocumentsPanel
        entity="report"
        entityId={report.id}
        documents={documents}
        canAttach={canAttach}
        frozen={issued}
      />
      {!issued && compose ? (
        <Form method="post" className="card stack" aria-label={t("reports.edit")}>
          <h2>{t("reports.edit")}</h2>
          <div className="field">
            <label htmlFor="coverText">{t("reports.coverText")}</label>
            <textarea id="coverText" name="coverText" defaultValue={report.coverText} rows={8} />
          </div>
          <div className="field">
            <label htmlFor="signerPersonId">{t("reports.signer")}</label>
            <select
              id="signerPersonId"
              name="signerPersonId"
              defaultValue={report.signerPersonId ?? ""}
              aria-invalid={signerError ? true : undefined}
              aria-describedby={signerError ? "signer-error" : "signer-hint"}
            >
              <option value="">{t("reports.noSigner")}</option>
              {signers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.position ? `${p.name} — ${p.position}` : p.name}
                </option>
              ))}
            </select>
            {signerError ? (
              <p className="field__error" id="signer-error">
                {signerError}
              </p>
            ) : (
              <p className="field__hint" id="signer-hint">
                {t("reports.signerHint")}
              </p>
            )}
          </div>
          {upcoming ? (
            <p className="muted">
              {t("reports.upcomingNumber")}: <bdi>{localDigits(upcoming, lang)}</bdi>
            </p>
          ) : null}
          {view.data.sections.map((c) => (
            <div className="field" key={c.bodyId}>
              <label htmlFor={`note-${c.bodyId}`}>{t("reports.noteFor", { name: c.name })}</label>
              <input type="hidden" name="noteBodyId" value={c.bodyId} />
              <textarea
                id={`note-${c.bodyId}`}
                name="note"
                defaultValue={report.notes[String(c.bodyId)] ?? ""}
                rows={2}
              />
            </div>
          ))}
          <div className="form-actions">
            <button type="submit" name="intent" value="save" className="button" disabled={busy}>
              {t("reports.save")}
            </button>
            <button
              type="submit"
              name="intent"
              value="issue"
              className="button button--primary"
              disabled={busy}
              onClick={(e) => {
                if (!window.confirm(t("reports.issueConfirm"))) e.preventDefault();
              }}
            >
              {t("reports.issue")}
            </button>
          </div>
        </Form>
      ) : null}
      <section className="card" aria-label={t("reports.preview")}>
        <ReportView {...view} />
      </section>
    </div>
  );
}
