import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { canComposeReports, canReadReports, requireAllowed, requireScope } from "../models/access.server";
import { formatReportNumber, numberPattern, setNumberPattern } from "../models/report-numbers.server";
import { createReportDraft, listReports } from "../models/reports.server";
import * as clock from "../utils/clock.server";
import { formatPlain, localDigits, toAsciiDigits } from "../utils/digits";
import { formatTimestamp, quarterOf } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.reports");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canReadReports(scope), scope);
    const compose = canComposeReports(scope);
    const all = listReports(scope);
    const current = quarterOf(clock.today());
    const pattern = numberPattern();
    return json({
      issued: all.filter((r) => r.status === "issued"),
      drafts: all.filter((r) => r.status === "draft"),
      compose,
      current,
      pattern,
      example: formatReportNumber(pattern, { kind: "quarterly", year: current.jy, period: current.quarter }, 1),
    });
  });
}

/** Opens a report draft for a Jalali quarter or half-year, composed from the data; a wrong year or period is named. */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canComposeReports(scope), scope);
    const form = await request.formData();
    const { t } = await getFixedT(request);
    if (form.get("intent") === "pattern") {
      const pattern = String(form.get("pattern") ?? "");
      const set = setNumberPattern(actor, scope, pattern);
      if (!set.ok) return json({ patternError: t(set.error), pattern }, 400);
      return json({ patternSaved: t("reports.patternSaved") });
    }
    const kind = form.get("kind") === "half_year" ? "half_year" : "quarterly";
    const yearText = toAsciiDigits(String(form.get("year") ?? "")).trim();
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    const period = Number(form.get("period"));
    const errors: { year?: string; period?: string } = {};
    if (!(year >= 1390 && year <= 1500)) errors.year = t("reports.yearInvalid");
    if (![1, 2, 3, 4].includes(period)) errors.period = t("validation.choose");
    else if (kind === "half_year" && period > 2) errors.period = t("reports.halfInvalid");
    if (errors.year || errors.period)
      return json(
        { errors, values: { kind, year: String(form.get("year") ?? ""), period: String(period) } },
        { status: 400 },
      );
    const id = createReportDraft(actor, { kind, year, period }, t);
    return redirect(`/reports/${id}`);
  });
}

export default function Reports() {
  const { issued, drafts, compose, current, pattern, example } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    | {
        errors?: { year?: string; period?: string };
        values?: { kind: string; year: string; period: string };
        patternError?: string;
        pattern?: string;
        patternSaved?: string;
      }
    | undefined;
  const errors = actionData?.errors;
  const busy = useNavigation().state === "submitting";
  const { t } = useT();
  const lang = useLang();
  const name = (r: { kind: "quarterly" | "half_year"; year: number; period: number }) =>
    t("reports.name", {
      kind: t(`reports.kinds.${r.kind}`),
      period: r.kind === "quarterly" ? t(`reports.quarters.${r.period}`) : t(`reports.halves.${r.period}`),
      year: r.year,
    });
  return (
    <div className="stack">
      <h1>{t("reports.title")}</h1>
      {compose ? (
        <Form method="post" className="card row" aria-label={t("reports.new")}>
          <div className="field">
            <label htmlFor="r-kind">{t("reports.kind")}</label>
            <select id="r-kind" name="kind" defaultValue={actionData?.values?.kind ?? "quarterly"}>
              <option value="quarterly">{t("reports.kinds.quarterly")}</option>
              <option value="half_year">{t("reports.kinds.half_year")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="r-year">{t("reports.year")}</label>
            <input
              id="r-year"
              name="year"
              defaultValue={actionData?.values?.year ?? formatPlain(current.jy, lang)}
              inputMode="numeric"
              className="input--short"
              aria-invalid={errors?.year ? true : undefined}
              aria-describedby={errors?.year ? "r-year-error" : undefined}
            />
            {errors?.year ? (
              <p className="field__error" id="r-year-error">
                {errors.year}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="r-period">{t("reports.period")}</label>
            <select
              id="r-period"
              name="period"
              defaultValue={actionData?.values?.period ?? String(current.quarter)}
              aria-invalid={errors?.period ? true : undefined}
              aria-describedby={errors?.period ? "r-period-error" : undefined}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t(`reports.quarters.${q}`)} / {q <= 2 ? t(`reports.halves.${q}`) : "—"}
                </option>
              ))}
            </select>
            {errors?.period ? (
              <p className="field__error" id="r-period-error">
                {errors.period}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("reports.create")}
          </button>
        </Form>
      ) : null}
      {compose ? (
        <Form method="post" className="card stack" aria-label={t("reports.pattern")}>
          <input type="hidden" name="intent" value="pattern" />
          <div className="field">
            <label htmlFor="r-pattern">{t("reports.pattern")}</label>
            <input
              id="r-pattern"
              name="pattern"
              dir="ltr"
              defaultValue={actionData?.pattern ?? pattern}
              aria-invalid={actionData?.patternError ? true : undefined}
              aria-describedby={actionData?.patternError ? "r-pattern-error" : "r-pattern-hint"}
            />
            {actionData?.patternError ? (
              <p className="field__error" id="r-pattern-error">
                {actionData.patternError}
              </p>
            ) : null}
            <p className="field__hint" id="r-pattern-hint">
              {t("reports.patternHint", { example })}
            </p>
          </div>
          {actionData?.patternSaved ? (
            <p className="alert alert--ok" role="status">
              {actionData.patternSaved}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t("reports.patternSave")}
            </button>
          </div>
        </Form>
      ) : null}
      {drafts.length > 0 ? (
        <section className="card">
          <h2>{t("reports.drafts")}</h2>
          <ul className="plain-list">
            {drafts.map((r) => (
              <li key={r.id}>
                <Link to={`/reports/${r.id}`}>{name(r)}</Link>{" "}
                <span className="badge badge--warn">{t("reports.status.draft")}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="archive-title">
        <h2 id="archive-title">{t("reports.archive")}</h2>
        {issued.length === 0 ? (
          <p className="muted">{t("reports.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("reports.number")}</th>
                  <th scope="col">{t("reports.kind")}</th>
                  <th scope="col">{t("reports.issuedAt")}</th>
                  <th scope="col">{t("reports.issuer")}</th>
                  <th scope="col">{t("reports.hash")}</th>
                  <th scope="col">PDF</th>
                </tr>
              </thead>
              <tbody>
                {issued.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">
                      <Link to={`/reports/${r.id}`}>
                        <bdi dir="ltr">{localDigits(r.number ?? "", lang)}</bdi>
                      </Link>
                    </td>
                    <td>{name(r)}</td>
                    <td>{formatTimestamp(r.issuedAt, lang)}</td>
                    <td dir="ltr">{r.issuer}</td>
                    <td dir="ltr" className="small">
                      <code>{r.sha256?.slice(0, 16)}…</code>
                    </td>
                    <td>
                      <a href={`/reports/${r.id}/pdf`} download>
                        {t("reports.download")}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
