import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";
import { DataSetList } from "../components/data-set-list";
import { DocumentsPanel } from "../components/documents-panel";
import { NameList } from "../components/person-name";
import { Field, StatusMessage, useFocusFirstInvalid } from "../components/ui/form";
import { JalaliDateField } from "../components/ui/jalali-date-field";
import { requireScope } from "../models/access.server";
import { checkFiles, documentRights, listDocuments, UploadRefused } from "../models/documents.server";
import { applyChange, requireChangeAllowed } from "../models/follow-ups.server";
import { getResolution } from "../models/resolutions.server";
import { dataSetsOf } from "../models/supply.server";
import { followUpSchema } from "../schemas/follow-up";
import * as clock from "../utils/clock.server";
import { formatPercent, localDigits } from "../utils/digits";
import { NotFoundError } from "../utils/errors";
import { parseForm, requireId, ruleViolationResponse } from "../utils/forms.server";
import { formatJalali, formatTimestamp } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { meetingTitle } from "../utils/meeting-title";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";
import { voteOfRow, voteWords } from "../utils/vote";

export const handle = titled("titles.resolution", (data: { resolution: { code: string } }) => ({
  code: data.resolution.code,
}));

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const resolution = getResolution(scope, requireId(params.resolutionId));
    if (!resolution) throw new NotFoundError();
    const target = { entity: "resolution" as const, entityId: resolution.id };
    return json({
      resolution,
      today: clock.today(),
      documents: listDocuments(scope, [target]),
      canAttach: documentRights(scope, target)?.attach ?? false,
      dataSets: dataSetsOf(scope, { resolutionId: resolution.id }),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const id = requireId(params.resolutionId);
    const { t } = await getFixedT(request);
    const form = await request.formData();
    const intent = String(form.get("intent") ?? "");
    // Who may do what is settled before the input is even read.
    requireChangeAllowed(scope, id, intent);
    const parsed = parseForm(form, followUpSchema, t);
    if (!parsed.ok) return json({ intent, errors: parsed.errors, ok: false }, { status: 400 });
    try {
      // What shows the work was done goes in with the follow-up; a refused file refuses the whole follow-up.
      const files = await Promise.all(
        form
          .getAll("evidence")
          .filter((f): f is File => typeof f !== "string" && f.size > 0)
          .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      applyChange(actor, scope, id, parsed.data, checkFiles(files));
    } catch (error) {
      if (error instanceof UploadRefused)
        return json(
          { intent, ok: false, errors: { evidence: t(`documents.errors.${error.reason}`, { name: error.fileName }) } },
          { status: 400 },
        );
      if (error instanceof RuleViolation) return ruleViolationResponse(error, t, intent);
      throw error;
    }
    return json({ intent, ok: true, errors: {} as Record<string, string> });
  });
}

const IntentErrors = createContext<Record<string, string>>({});

/** A field of an intent form: label, control and its error, tied together (`Field`). */
function IntentField({
  id,
  name,
  label,
  rows,
  narrow,
}: {
  id: string;
  name: string;
  label: string;
  rows?: number;
  narrow?: boolean;
}) {
  const error = useContext(IntentErrors)[name];
  return (
    <Field id={id} label={label} error={error} className={narrow ? "field--narrow" : undefined}>
      {(aria) =>
        rows ? <textarea {...aria} name={name} rows={rows} /> : <input {...aria} name={name} inputMode="numeric" />
      }
    </Field>
  );
}

function IntentDate({ name, label, defaultValue }: { name: string; label: string; defaultValue?: string }) {
  const error = useContext(IntentErrors)[name];
  return <JalaliDateField name={name} label={label} defaultValue={defaultValue} error={error} />;
}

function IntentForm({
  intent,
  title,
  children,
  danger,
  evidence,
  buttons,
}: {
  intent: string;
  title: string;
  children: ReactNode;
  danger?: boolean;
  /** Submit buttons of their own (each with a name and value) instead of the one with the title. */
  buttons?: (busy: boolean) => ReactNode;
  /** The form takes documents that show the work (مستندات اقدام). */
  evidence?: boolean;
}) {
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>() as
    | { intent?: string; ok?: boolean; errors?: Record<string, string> }
    | undefined;
  const formRef = useRef<HTMLFormElement>(null);
  const succeeded = actionData?.intent === intent && actionData.ok;
  useEffect(() => {
    if (succeeded) formRef.current?.reset();
  }, [succeeded]);
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const errors = actionData && actionData.intent === intent ? (actionData.errors ?? {}) : {};
  useFocusFirstInvalid(formRef, actionData, Object.keys(errors).length > 0);
  const { t } = useT();
  // Errors of fields this form does not show (a rule of the resolution as a whole) are said under the form.
  const shown = new Set(["note", "percent", "date", ...(evidence ? ["evidence"] : [])]);
  return (
    <Form
      method="post"
      className="card stack"
      aria-label={title}
      ref={formRef}
      id={`form-${intent}`}
      encType={evidence ? "multipart/form-data" : undefined}
    >
      <h2>{title}</h2>
      <input type="hidden" name="intent" value={intent} />
      <IntentErrors.Provider value={errors}>{children}</IntentErrors.Provider>
      {evidence ? (
        <Field id={`${intent}-evidence`} label={t("documents.withFollowUp")} error={errors.evidence}>
          {(aria) => (
            <input {...aria} type="file" name="evidence" multiple accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg" />
          )}
        </Field>
      ) : null}
      {Object.entries(errors)
        .filter(([field]) => !shown.has(field))
        .map(([field, message]) => (
          <p key={field} className="field__error" role="alert">
            {message}
          </p>
        ))}
      <StatusMessage message={succeeded ? t("followUp.saved") : null} />
      <div className="row">
        {buttons ? (
          buttons(busy)
        ) : (
          <button type="submit" className={danger ? "button button--danger" : "button button--primary"} disabled={busy}>
            {title}
          </button>
        )}
      </div>
    </Form>
  );
}

export default function ResolutionPage() {
  const { resolution: r, today, documents, canAttach, dataSets } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const closed = r.status === "done" || r.status === "cancelled";
  const vote = voteWords(voteOfRow(r));
  const timeframe =
    r.timeframeKind === "weeks" || r.timeframeKind === "days"
      ? t(`timeframe.${r.timeframeKind}`, { count: r.timeframeCount ?? 0 })
      : r.timeframeKind === "date"
        ? t("minutes.deadlineFixed")
        : t("timeframe.standing");
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <p className="muted">
            <Link to={`/meetings/${r.meetingId}`}>
              {t("followUp.meeting", {
                meeting: meetingTitle(t, { number: r.meetingNumber, bodyName: r.bodyName, groupName: r.groupName }),
                date: formatJalali(r.meetingDate, lang),
              })}
            </Link>
          </p>
          <h1>{t("followUp.resolution", { code: localDigits(r.code, lang) })}</h1>
        </div>
        <div className="row">
          <span className={`badge ${r.status === "done" ? "badge--ok" : r.overdue ? "badge--danger" : ""}`}>
            {t(`resolutionStatus.${r.status}`)}
          </span>
          {r.overdue ? (
            <span className="badge badge--danger">{t("followUp.overdue", { count: r.daysOverdue })}</span>
          ) : null}
        </div>
      </header>
      <section className="card">
        <p className="resolution-subject">{r.subject}</p>
        <dl className="dl">
          <dt>{t("followUp.owners")}</dt>
          <dd>
            <NameList names={r.owners} />
          </dd>
          {vote ? (
            <>
              <dt>{t("minutes.vote")}</dt>
              <dd>{t(vote.key, vote.values)}</dd>
            </>
          ) : null}
          <dt>{t("followUp.deadline")}</dt>
          <dd>
            {r.dueDate ? formatJalali(r.dueDate, lang) : t("followUp.noDeadline")}
            <small className="minutes__rule">
              {t("followUp.rule", {
                rule:
                  r.timeframeKind === "date" || r.timeframeKind === "standing"
                    ? timeframe
                    : t("minutes.deadlineRule", { timeframe }),
              })}
              {r.rule.moved && r.rule.nominal
                ? ` — ${t("minutes.deadlineMoved", { nominal: formatJalali(r.rule.nominal, lang) })}`
                : ""}
              {r.extended && r.rule.due ? ` — ${t("followUp.extended", { date: formatJalali(r.rule.due, lang) })}` : ""}
            </small>
          </dd>
          {r.lastPercent !== null ? (
            <>
              <dt>{t("followUp.progress")}</dt>
              <dd>
                <progress max={100} value={r.lastPercent} aria-label={t("followUp.progress")} />{" "}
                {formatPercent(r.lastPercent, lang)}
              </dd>
            </>
          ) : null}
          {r.doneDate ? (
            <>
              <dt>{t("resolutionStatus.done")}</dt>
              <dd>{t("followUp.doneOn", { date: formatJalali(r.doneDate, lang) })}</dd>
            </>
          ) : null}
          {r.status === "cancelled" && r.cancelReason ? (
            <>
              <dt>{t("resolutionStatus.cancelled")}</dt>
              <dd>{t("followUp.cancelledBecause", { reason: r.cancelReason })}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {r.pendingRequest ? (
        <p className="alert alert--error">
          {t("followUp.pending", {
            date: formatJalali(r.pendingRequest.newDueDate, lang),
            note: r.pendingRequest.note,
          })}
        </p>
      ) : null}

      {!closed && (r.canUpdate || r.canManage) ? (
        <div className="grid grid--2">
          <IntentForm intent="progress" title={t("followUp.addProgress")} evidence>
            <IntentField id="p-note" name="note" label={t("followUp.note")} rows={3} />
            <IntentField id="p-percent" name="percent" label={t("followUp.percent")} narrow />
          </IntentForm>
          <IntentForm intent="done" title={t("followUp.markDone")} evidence>
            <IntentDate name="date" label={t("followUp.doneDate")} defaultValue={today} />
            <IntentField id="d-note" name="note" label={t("followUp.note")} rows={2} />
          </IntentForm>
          {r.canManage ? (
            <IntentForm intent="extend" title={t("followUp.extend")}>
              <IntentDate name="date" label={t("followUp.newDeadline")} />
              <IntentField id="e-note" name="note" label={t("followUp.reason")} rows={2} />
            </IntentForm>
          ) : !r.pendingRequest ? (
            <IntentForm intent="request_extension" title={t("followUp.requestExtension")}>
              <IntentDate name="date" label={t("followUp.newDeadline")} />
              <IntentField id="r-note" name="note" label={t("followUp.reason")} rows={2} />
            </IntentForm>
          ) : null}
          {r.canManage && r.pendingRequest ? (
            <IntentForm
              intent="decide"
              title={t("followUp.decide")}
              buttons={(busy) => (
                <>
                  <button type="submit" name="approve" value="yes" className="button button--primary" disabled={busy}>
                    {t("followUp.approve")}
                  </button>
                  <button type="submit" name="approve" value="no" className="button button--danger" disabled={busy}>
                    {t("followUp.reject")}
                  </button>
                </>
              )}
            >
              <input type="hidden" name="followUpId" value={r.pendingRequest.id} />
              <div className="field">
                <label htmlFor="x-note">{t("followUp.decisionNote")}</label>
                <textarea id="x-note" name="note" rows={2} />
              </div>
            </IntentForm>
          ) : null}
          {r.canManage ? (
            <IntentForm intent="cancel" title={t("followUp.cancel")} danger>
              <IntentField id="c-note" name="note" label={t("followUp.reason")} rows={2} />
            </IntentForm>
          ) : null}
        </div>
      ) : null}
      {closed && r.canManage ? (
        <IntentForm intent="reopen" title={t("followUp.reopen")}>
          <IntentField id="o-note" name="note" label={t("followUp.reason")} rows={2} />
        </IntentForm>
      ) : null}

      <DocumentsPanel
        entity="resolution"
        entityId={r.id}
        documents={documents}
        canAttach={canAttach}
        frozen={false}
        heading="documents.evidence"
      />
      {dataSets.length ? <DataSetList rows={dataSets} showAgency /> : null}

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("followUp.timeline")}</h2>
        {r.timeline.length === 0 ? (
          <p className="muted">{t("followUp.noTimeline")}</p>
        ) : (
          <ol className="timeline">
            {r.timeline.map((f) => (
              <li key={f.id}>
                <div className="timeline__head">
                  <strong>{t(`followUp.kinds.${f.kind}`)}</strong>
                  <span className="muted">
                    {formatTimestamp(f.createdAt, lang)} · {f.by}
                  </span>
                </div>
                {f.kind === "status" && f.fromStatus && f.toStatus ? (
                  <p>
                    {t(`resolutionStatus.${f.fromStatus}`)} <span className="flip-rtl">→</span>{" "}
                    {t(`resolutionStatus.${f.toStatus}`)}
                  </p>
                ) : null}
                {f.newDueDate ? <p>{t("followUp.to", { date: formatJalali(f.newDueDate, lang) })}</p> : null}
                {f.decision ? <span className="badge">{t(`followUp.decisions.${f.decision}`)}</span> : null}
                {f.percent !== null ? <span className="badge">{formatPercent(f.percent, lang)}</span> : null}
                {f.note ? <p className="pre-line">{f.note}</p> : null}
                {documents.some((d) => d.followUpId === f.id) ? (
                  <p className="small">
                    {t("documents.attachedHere")}{" "}
                    {documents
                      .filter((d) => d.followUpId === f.id)
                      .map((d, i) => (
                        <span key={d.id}>
                          {i > 0 ? t("minutes.nameSeparator") : null}
                          <a href={`/documents/${d.id}`} download={d.fileName} dir="auto">
                            {d.fileName}
                          </a>
                        </span>
                      ))}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
