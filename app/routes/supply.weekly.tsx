import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SupplyWeekly } from "../components/supply-weekly";
import { canPutSupplyIntoMinutes, canReadSupply, requireAllowed, requireScope } from "../models/access.server";
import {
  putWeeklyIntoMinutes,
  weekEndOf,
  weeklyReportCommittees,
  weeklyReportText,
  weeklyStatus,
} from "../models/supply-reports.server";
import * as clock from "../utils/clock.server";
import { addDays, formatJalali } from "../utils/jalali";
import { getFixedT, getLang } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.supplyWeekly");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canReadSupply(scope), scope);
    const to = weekEndOf(request);
    const report = weeklyStatus(scope, to);
    return json({
      report,
      today: clock.today(),
      committees: weeklyReportCommittees(),
      canPut: canPutSupplyIntoMinutes(scope),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canPutSupplyIntoMinutes(scope), scope);
    const form = await request.formData();
    const committeeId = Number(form.get("committeeId"));
    const { t } = await getFixedT(request);
    if (!Number.isSafeInteger(committeeId) || committeeId <= 0)
      return json({ errors: { committeeId: t("validation.choose") } }, { status: 400 });
    const lang = await getLang(request);
    const report = weeklyStatus(scope, weekEndOf(request));
    try {
      const { meetingId } = putWeeklyIntoMinutes(actor, scope, committeeId, weeklyReportText(report, t, lang));
      return redirect(`/meetings/${meetingId}/edit`);
    } catch (error) {
      if (error instanceof RuleViolation)
        return json({ errors: { committeeId: t(`rules.${error.code}`) } }, { status: 400 });
      throw error;
    }
  });
}

export default function SupplyWeeklyPage() {
  const { report, today, committees, canPut } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const lang = useLang();
  const error = actionData?.errors?.committeeId;
  const next = addDays(report.to, 7);
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("supply.weekly.title")}</h1>
        <div className="page-header__actions">
          <a className="button" href={`/supply/weekly.pdf?to=${report.to}`}>
            {t("supply.weekly.pdf")}
          </a>
          <Link to="/supply" className="button">
            {t("supply.backToList")}
          </Link>
        </div>
      </header>
      <nav className="week-nav" aria-label={t("supply.weekly.weeks")}>
        <Link to={`?to=${addDays(report.to, -7)}`}>{t("supply.weekly.previous")}</Link>
        {next <= today ? <Link to={`?to=${next}`}>{t("supply.weekly.next")}</Link> : null}
        <span className="muted">{formatJalali(report.to, lang)}</span>
      </nav>
      <SupplyWeekly report={report} />
      {canPut ? (
        <Form method="post" className="card stack" aria-labelledby="put-minutes">
          <h2 id="put-minutes">{t("supply.weekly.putTitle")}</h2>
          <p className="muted">{t("supply.weekly.putHint")}</p>
          <div className="field">
            <label htmlFor="committeeId">{t("supply.weekly.asReportOf")}</label>
            <select id="committeeId" name="committeeId" aria-invalid={error ? true : undefined}>
              {committees.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {error ? (
              <p className="field__error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" className="button button--primary">
              {t("supply.weekly.put")}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
