import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SERIES_FREQUENCIES } from "../../db/enums";
import { Field } from "../components/ui/form";
import { JalaliDateField } from "../components/ui/jalali-date-field";
import { canEditMinutesOf, canReadMeetingsOf, requireAllowed, requireScope } from "../models/access.server";
import { getBody } from "../models/bodies.server";
import { getSeries, saveSeries, skipNext, stopSeries } from "../models/series.server";
import { oneOfParam } from "../schemas/query";
import { SERIES_INTENTS, seriesSchema } from "../schemas/series";
import { localDigits } from "../utils/digits";
import { NotFoundError, ValidationError } from "../utils/errors";
import { invalidFormResponse, parseForm, requireId, ruleViolationResponse } from "../utils/forms.server";
import { formatJalali, formatJalaliLong } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

/** «جلسات دوره‌ای»: a body's recurring meetings, the draft kept ahead, and the next slots; set, skip or stop. */
export const handle = titled("titles.series", (d: { body: { name: string } }) => ({ body: d.body.name }));

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const id = requireId(params.bodyId);
    const found = getBody(id);
    if (!found) throw new NotFoundError();
    requireAllowed(canReadMeetingsOf(scope, id), scope);
    return json({
      body: { id, name: found.body.name },
      series: getSeries(scope, id),
      canEdit: canEditMinutesOf(scope, id) && found.body.active,
      done: oneOfParam(SERIES_INTENTS, new URL(request.url).searchParams.get("done")) ?? null,
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const id = requireId(params.bodyId);
    if (!getBody(id)) throw new NotFoundError();
    requireAllowed(canEditMinutesOf(scope, id), scope);
    const { t } = await getFixedT(request);
    const form = await request.formData();
    const intent = String(form.get("intent") ?? "");
    if (!(SERIES_INTENTS as readonly string[]).includes(intent)) throw new ValidationError();
    try {
      if (intent === "save") {
        const parsed = parseForm(form, seriesSchema, t);
        if (!parsed.ok) return invalidFormResponse(parsed.errors, "save");
        const { intent: _, ...input } = parsed.data;
        saveSeries(actor, scope, id, input);
      } else if (intent === "skip") skipNext(actor, scope, id);
      else stopSeries(actor, scope, id);
    } catch (error) {
      if (error instanceof RuleViolation) return ruleViolationResponse(error, t, intent);
      throw error;
    }
    return redirect(`/bodies/${id}/series?done=${intent}`);
  });
}

export default function BodySeries() {
  const { body, series, canEdit, done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as { intent?: string; errors?: Record<string, string> } | undefined;
  const errors = data?.intent === "save" ? (data.errors ?? {}) : {};
  const otherError = data && data.intent !== "save" ? data.errors?.form : undefined;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const { t } = useT();
  const lang = useLang();
  const s = series?.series;
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("series.title", { body: body.name })}</h1>
        <Link to={`/bodies/${body.id}`}>{t("series.back")}</Link>
      </header>
      <p className="muted">{t("series.intro")}</p>
      {done && !data ? (
        <p className="alert alert--ok" role="status">
          {t(`series.done.${done}`)}
        </p>
      ) : null}
      {series && s ? (
        <section className="card stack" aria-labelledby="series-now">
          <h2 id="series-now">{t("series.current")}</h2>
          <p>
            {t(`series.frequencies.${s.frequency}`)} ·{" "}
            {t("series.fromDay", { date: formatJalaliLong(s.startsOn, lang) })}
            {" · "}
            {s.endTime
              ? t("series.timeRange", { start: localDigits(s.startTime, lang), end: localDigits(s.endTime, lang) })
              : localDigits(s.startTime, lang)}
            {s.place ? ` · ${s.place}` : ""}
            {s.until ? ` · ${t("series.untilDay", { date: formatJalali(s.until, lang) })}` : ""}
          </p>
          {series.next ? (
            <p>
              {t("series.nextDraft")}{" "}
              <Link to={`/meetings/${series.next.id}/edit`}>
                {t("series.nextDraftLink", {
                  number: localDigits(series.next.number, lang),
                  date: formatJalaliLong(series.next.date, lang),
                })}
              </Link>
            </p>
          ) : (
            <p className="muted">{t("series.noDraft")}</p>
          )}
          <h3>{t("series.upcoming")}</h3>
          <ul className="plain-list">
            {series.upcoming.map((slot) => (
              <li key={slot}>
                {formatJalaliLong(slot, lang)}
                {series.skipped.includes(slot) ? <span className="badge"> {t("series.skippedBadge")}</span> : null}
              </li>
            ))}
          </ul>
          {canEdit ? (
            <div className="row">
              {series.next ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="skip" />
                  <button type="submit" className="button" disabled={busy}>
                    {t("series.skip")}
                  </button>
                </Form>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="stop" />
                <button type="submit" className="button button--danger" disabled={busy}>
                  {t("series.stop")}
                </button>
              </Form>
            </div>
          ) : null}
          {otherError ? (
            <p className="field__error" role="alert">
              {otherError}
            </p>
          ) : null}
        </section>
      ) : (
        <p className="card muted">{t("series.none")}</p>
      )}
      {canEdit ? (
        <Form method="post" className="card stack" aria-labelledby="series-form" noValidate>
          <h2 id="series-form">{s ? t("series.change") : t("series.set")}</h2>
          <input type="hidden" name="intent" value="save" />
          <div className="form-grid">
            <Field id="frequency" label={t("series.frequency")} error={errors.frequency}>
              {(aria) => (
                <select {...aria} name="frequency" defaultValue={s?.frequency ?? "weekly"}>
                  {SERIES_FREQUENCIES.map((f) => (
                    <option key={f} value={f}>
                      {t(`series.frequencies.${f}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <JalaliDateField
              name="startsOn"
              label={t("series.startsOn")}
              defaultValue={s?.startsOn ?? ""}
              error={errors.startsOn}
              hint={t("series.startsOnHint")}
              required
            />
            <Field id="startTime" label={t("series.startTime")} error={errors.startTime}>
              {(aria) => (
                <input {...aria} name="startTime" inputMode="numeric" defaultValue={s?.startTime ?? ""} size={6} />
              )}
            </Field>
            <Field id="endTime" label={t("series.endTime")} error={errors.endTime}>
              {(aria) => (
                <input {...aria} name="endTime" inputMode="numeric" defaultValue={s?.endTime ?? ""} size={6} />
              )}
            </Field>
            <Field id="place" label={t("series.place")} error={errors.place}>
              {(aria) => <input {...aria} name="place" maxLength={200} defaultValue={s?.place ?? ""} />}
            </Field>
            <JalaliDateField
              name="until"
              label={t("series.until")}
              defaultValue={s?.until ?? ""}
              error={errors.until}
              hint={t("series.untilHint")}
            />
          </div>
          {errors.form ? (
            <p className="field__error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("series.save")}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
