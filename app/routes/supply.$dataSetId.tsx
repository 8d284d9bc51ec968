import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Field } from "../components/ui/form";
import { JalaliDateField } from "../components/ui/jalali-date-field";
import { requireAllowed, requireScope } from "../models/access.server";
import { checkFiles, UploadRefused } from "../models/documents.server";
import { getDataSet, recordChange } from "../models/supply.server";
import { changeSchema } from "../schemas/supply";
import { formatCount, localDigits } from "../utils/digits";
import { NotFoundError } from "../utils/errors";
import { parseForm, requireId, ruleViolationResponse } from "../utils/forms.server";
import { formatJalali, formatTimestamp } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.dataSet", (data: { dataSet: { name: string } }) => ({ name: data.dataSet.name }));

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const found = getDataSet(scope, requireId(params.dataSetId));
    if (!found) throw new NotFoundError();
    return json(found);
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const id = requireId(params.dataSetId);
    const found = getDataSet(scope, id);
    if (!found) throw new NotFoundError();
    // Who may change it is settled before the input is read.
    requireAllowed(found.canChange, scope);
    const { t } = await getFixedT(request);
    const form = await request.formData();
    const parsed = parseForm(form, changeSchema, t);
    if (!parsed.ok) return json({ ok: false, errors: parsed.errors }, { status: 400 });
    try {
      const files = await Promise.all(
        form
          .getAll("files")
          .filter((f): f is File => typeof f !== "string" && f.size > 0)
          .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      recordChange(actor, scope, id, parsed.data, checkFiles(files));
    } catch (error) {
      if (error instanceof UploadRefused)
        return json(
          { ok: false, errors: { files: t(`documents.errors.${error.reason}`, { name: error.fileName }) } },
          { status: 400 },
        );
      if (error instanceof RuleViolation) return ruleViolationResponse(error, t);
      throw error;
    }
    return json({ ok: true, errors: {} as Record<string, string> });
  });
}

export default function DataSetPage() {
  const { dataSet: d, history, moves, canChange } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { ok?: boolean; errors?: Record<string, string> } | undefined;
  const errors = actionData?.errors ?? {};
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (actionData?.ok) formRef.current?.reset();
  }, [actionData]);
  const { t } = useT();
  const lang = useLang();
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <p className="muted">
            <Link to={`/organisations/${d.organisationId}`}>{d.organisationName}</Link>
          </p>
          <h1>{d.name}</h1>
        </div>
        <Link to="/supply" className="button">
          {t("supply.backToList")}
        </Link>
      </header>
      <section className="card">
        <dl className="dl">
          <dt>{t("supply.stage")}</dt>
          <dd>
            <span className={`stage stage--${d.stageKind}`}>{d.stageName}</span>
            {d.late ? <span className="badge badge--danger">{t("supply.late")}</span> : null}
          </dd>
          <dt>{t("supply.level")}</dt>
          <dd>{t(`supply.levels.${d.level}`)}</dd>
          <dt>{t("supply.items")}</dt>
          <dd>{d.itemList.length ? d.itemList.join(t("common.listSeparator")) : "—"}</dd>
          <dt>{t("supply.frequency")}</dt>
          <dd>{t(`supply.frequencies.${d.frequency}`)}</dd>
          <dt>{t("supply.committee")}</dt>
          <dd>
            <Link to={`/bodies/${d.committeeId}`}>{d.committeeName}</Link>
          </dd>
          <dt>{t("supply.resolution")}</dt>
          <dd>
            {d.resolution ? (
              <Link to={`/resolutions/${d.resolution.id}`}>
                <span dir="ltr">{localDigits(d.resolution.code, lang)}</span> {d.resolution.subject}
              </Link>
            ) : (
              "—"
            )}
          </dd>
          <dt>{t("supply.schedule")}</dt>
          <dd>
            {d.scheduleDate ? formatJalali(d.scheduleDate, lang) : "—"}
            {d.dueDate && d.dueDate !== d.scheduleDate
              ? ` (${t("supply.dueMoved", { date: formatJalali(d.dueDate, lang) })})`
              : null}
          </dd>
          <dt>{t("supply.blockedOn")}</dt>
          <dd>{d.blockedOn || "—"}</dd>
        </dl>
      </section>
      {canChange ? (
        <Form
          method="post"
          encType="multipart/form-data"
          className="card stack"
          aria-labelledby="record-change"
          ref={formRef}
        >
          <h2 id="record-change">{t("supply.recordChange")}</h2>
          <input type="hidden" name="intent" value="change" />
          <div className="form-grid">
            <Field id="toStageId" label={t("supply.toStage")} error={errors.toStageId}>
              {(a) => (
                <select {...a} name="toStageId" defaultValue={d.stageId}>
                  <option value={d.stageId}>{t("supply.stayIn", { stage: d.stageName })}</option>
                  {moves.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <JalaliDateField name="date" label={t("supply.changeDate")} defaultValue="" error={errors.date} required />
            <Field id="blockedOn" label={t("supply.blockedOn")} error={errors.blockedOn} hint={t("supply.blockedHint")}>
              {(a) => <input {...a} name="blockedOn" defaultValue={d.blockedOn} maxLength={300} />}
            </Field>
          </div>
          <Field id="note" label={t("supply.note")} error={errors.note}>
            {(a) => <textarea {...a} name="note" rows={3} maxLength={5000} />}
          </Field>
          <fieldset className="stack">
            <legend>{t("supply.delivery")}</legend>
            <label className="checkbox">
              <input type="checkbox" name="delivered" /> {t("supply.withDelivery")}
            </label>
            <div className="form-grid">
              <Field id="period" label={t("supply.period")} error={errors.period}>
                {(a) => <input {...a} name="period" maxLength={200} />}
              </Field>
              <Field id="recordCount" label={t("supply.recordCount")} error={errors.recordCount}>
                {(a) => <input {...a} name="recordCount" inputMode="numeric" maxLength={20} />}
              </Field>
            </div>
            <Field id="findings" label={t("supply.findings")} error={errors.findings}>
              {(a) => <textarea {...a} name="findings" rows={2} maxLength={5000} />}
            </Field>
          </fieldset>
          <Field id="files" label={t("supply.documents")} error={errors.files} hint={t("supply.documentsHint")}>
            {(a) => (
              <input {...a} type="file" name="files" multiple accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg" />
            )}
          </Field>
          {errors.form ? (
            <p className="field__error" role="alert">
              {errors.form}
            </p>
          ) : null}
          {actionData?.ok ? <p className="alert alert--ok">{t("supply.saved")}</p> : null}
          <div>
            <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
              {t("supply.save")}
            </button>
          </div>
        </Form>
      ) : null}
      <section className="card" aria-labelledby="history">
        <h2 id="history">{t("supply.history")}</h2>
        <ol className="timeline">
          {history.map((c) => (
            <li key={c.id} className="timeline__item">
              <p>
                <strong>{formatJalali(c.date, lang)}</strong> ·{" "}
                {c.fromStageName
                  ? t("supply.moved", { from: c.fromStageName, to: c.toStageName })
                  : t("supply.inStage", { stage: c.toStageName })}
                <span className="muted">
                  {" "}
                  · {c.by || t("supply.system")} · {formatTimestamp(c.createdAt, lang)}
                </span>
              </p>
              {c.note ? <p>{c.note}</p> : null}
              {c.blockedOn ? <p className="muted">{t("supply.blockedOnNote", { who: c.blockedOn })}</p> : null}
              {c.delivery ? (
                <p className="delivery">
                  {t("supply.deliveryLine", {
                    date: formatJalali(c.delivery.deliveredOn, lang),
                    records: c.delivery.recordCount === null ? "—" : formatCount(c.delivery.recordCount, lang),
                    period: c.delivery.period || "—",
                  })}
                  {c.delivery.findings ? ` · ${t("supply.findings")}: ${c.delivery.findings}` : null}
                </p>
              ) : null}
              {c.documents.length ? (
                <ul className="plain-list">
                  {c.documents.map((doc) => (
                    <li key={doc.id}>
                      <a href={`/documents/${doc.id}`} download>
                        {doc.fileName}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
