import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { JalaliDateField } from "../components/ui/jalali-date-field";
import { canAdminister, requireAllowed, requireScope } from "../models/access.server";
import { addHoliday, getWeekendDays, listHolidays, removeHoliday, setWeekendDays } from "../models/calendar.server";
import { calendarActionSchema } from "../schemas/calendar";
import { parseForm } from "../utils/forms.server";
import { formatJalaliLong, weekdayName } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canAdminister(scope), scope);
    return json({ weekend: getWeekendDays(), holidays: listHolidays() });
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
        addHoliday(actor, change.date, change.title);
        break;
      case "remove":
        removeHoliday(actor, change.date);
        break;
    }
    return json({ ok: true, errors: {} as Record<string, string> });
  });
}

export default function CalendarAdmin() {
  const { weekend, holidays: rows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const lang = useLang();
  return (
    <div className="stack">
      <h1>{t("calendarAdmin.title")}</h1>
      <p className="muted">{t("calendarAdmin.hint")}</p>
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
        <Form method="post" className="row">
          <input type="hidden" name="intent" value="add" />
          <JalaliDateField name="date" label={t("calendarAdmin.date")} error={actionData?.errors?.date} />
          <div className="field">
            <label htmlFor="h-title">{t("calendarAdmin.titleField")}</label>
            <input id="h-title" name="title" aria-invalid={actionData?.errors?.title ? true : undefined} />
            {actionData?.errors?.title ? <p className="field__error">{actionData.errors.title}</p> : null}
          </div>
          <button type="submit" className="button">
            {t("calendarAdmin.add")}
          </button>
        </Form>
        {rows.length === 0 ? (
          <p className="muted">{t("calendarAdmin.none")}</p>
        ) : (
          <ul className="plain-list">
            {rows.map((h) => (
              <li key={h.date} className="row">
                <span>{formatJalaliLong(h.date, lang)}</span> — <span>{h.title}</span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="date" value={h.date} />
                  <button type="submit" className="button button--small button--danger">
                    {t("calendarAdmin.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
