import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { HOLIDAY_KINDS } from "../../db/enums";
import { JalaliDateField } from "../components/ui/jalali-date-field";
import { canAdminister, requireAllowed, requireScope } from "../models/access.server";
import {
  addHoliday,
  confirmHoliday,
  getWeekendDays,
  listHolidays,
  lunarHolidayCount,
  removeHoliday,
  setWeekendDays,
} from "../models/calendar.server";
import { calendarActionSchema } from "../schemas/calendar";
import * as clock from "../utils/clock.server";
import { formatPlain } from "../utils/digits";
import { parseForm } from "../utils/forms.server";
import { formatJalaliLong, toJalali, weekdayName } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.calendar");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canAdminister(scope), scope);
    const thisYear = toJalali(clock.today()).jy;
    const asked = Number(new URL(request.url).searchParams.get("year"));
    const year = Number.isInteger(asked) && asked >= 1300 && asked <= 1500 ? asked : thisYear;
    const nextYear = thisYear + 1;
    return json({
      weekend: getWeekendDays(),
      year,
      holidays: listHolidays(year),
      nextYear,
      nextYearMissingLunar: lunarHolidayCount(nextYear) === 0,
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canAdminister(scope), scope);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), calendarActionSchema, t, { lists: ["day"] });
    if (!parsed.ok) return json({ ok: false, errors: parsed.errors }, { status: 400 });
    const change = parsed.data;
    switch (change.intent) {
      case "weekend":
        setWeekendDays(actor, change.day);
        break;
      case "add":
        addHoliday(actor, change.date, change.title, change.kind);
        break;
      case "confirm":
        confirmHoliday(actor, change.date);
        break;
      case "remove":
        removeHoliday(actor, change.date);
        break;
    }
    return json({ ok: true, errors: {} as Record<string, string> });
  });
}

export default function CalendarAdmin() {
  const { weekend, year, holidays: rows, nextYear, nextYearMissingLunar } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const lang = useLang();
  const estimated = rows.filter((h) => h.estimated).length;
  return (
    <div className="stack">
      <h1>{t("calendarAdmin.title")}</h1>
      <p className="muted">{t("calendarAdmin.hint")}</p>
      {nextYearMissingLunar ? (
        <p className="alert alert--warn" role="alert">
          {t("calendarAdmin.nextYearMissing", { year: nextYear })}
        </p>
      ) : null}
      <Form method="post" className="card stack">
        <h2>{t("calendarAdmin.weekend")}</h2>
        <input type="hidden" name="intent" value="weekend" />
        <div className="row">
          {[0, 1, 2, 3, 4, 5, 6].map((d) => (
            <label key={d} className="checkbox">
              <input type="checkbox" name="day" value={d} defaultChecked={weekend.includes(d)} /> {weekdayName(d, lang)}
            </label>
          ))}
        </div>
        <div>
          <button type="submit" className="button button--primary">
            {t("calendarAdmin.saveWeekend")}
          </button>
        </div>
      </Form>
      <section className="card stack">
        <h2>{t("calendarAdmin.holidays")}</h2>
        <p className="muted">{t("calendarAdmin.correctHint")}</p>
        <Form method="post" className="row">
          <input type="hidden" name="intent" value="add" />
          <JalaliDateField name="date" label={t("calendarAdmin.date")} error={actionData?.errors?.date} />
          <div className="field">
            <label htmlFor="h-title">{t("calendarAdmin.titleField")}</label>
            <input id="h-title" name="title" aria-invalid={actionData?.errors?.title ? true : undefined} />
            {actionData?.errors?.title ? <p className="field__error">{actionData.errors.title}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="h-kind">{t("calendarAdmin.kind")}</label>
            <select id="h-kind" name="kind" defaultValue="solar">
              {HOLIDAY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`calendarAdmin.kinds.${k}`)}
                </option>
              ))}
            </select>
            {actionData?.errors?.kind ? <p className="field__error">{actionData.errors.kind}</p> : null}
          </div>
          <button type="submit" className="button">
            {t("calendarAdmin.add")}
          </button>
        </Form>
        <nav className="row" aria-label={t("calendarAdmin.year")}>
          <Link to={`?year=${year - 1}`}>{t("calendarAdmin.prevYear")}</Link>
          <h3>
            {t("calendarAdmin.year")} {formatPlain(year, lang)}
          </h3>
          <Link to={`?year=${year + 1}`}>{t("calendarAdmin.nextYear")}</Link>
        </nav>
        {estimated > 0 ? <p className="muted">{t("calendarAdmin.estimatedCount", { count: estimated })}</p> : null}
        {rows.length === 0 ? (
          <p className="muted">{t("calendarAdmin.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t("calendarAdmin.date")}</th>
                  <th>{t("calendarAdmin.titleField")}</th>
                  <th>{t("calendarAdmin.kind")}</th>
                  <th>{t("calendarAdmin.source")}</th>
                  <th>
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((h) => (
                  <tr key={h.date} data-date={h.date}>
                    <td>{formatJalaliLong(h.date, lang)}</td>
                    <td>
                      {h.title}{" "}
                      {h.estimated ? <span className="badge badge--warn">{t("calendarAdmin.estimated")}</span> : null}
                    </td>
                    <td>{t(`calendarAdmin.kinds.${h.kind}`)}</td>
                    <td>
                      {h.source
                        ? t("calendarAdmin.sourceShipped", { source: h.source })
                        : t("calendarAdmin.sourceAdmin")}
                    </td>
                    <td className="row">
                      {h.estimated ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="confirm" />
                          <input type="hidden" name="date" value={h.date} />
                          <button type="submit" className="button button--small">
                            {t("calendarAdmin.confirm")}
                          </button>
                        </Form>
                      ) : null}
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="date" value={h.date} />
                        <button type="submit" className="button button--small button--danger">
                          {t("calendarAdmin.remove")}
                        </button>
                      </Form>
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
