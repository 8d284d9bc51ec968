import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DATA_FREQUENCIES, DATA_LEVELS } from "../../db/enums";
import { DataSetList } from "../components/data-set-list";
import { Field } from "../components/ui/form";
import { JalaliDateField } from "../components/ui/jalali-date-field";
import { Pagination } from "../components/ui/pagination";
import { canManageSupply, canReadSupply, requireAllowed, requireScope } from "../models/access.server";
import { createDataSet, dataSetFormOptions, listStages, pageDataSets } from "../models/supply.server";
import { pageOf } from "../schemas/paging";
import { dataSetSchema } from "../schemas/supply";
import { parseForm, ruleViolationResponse } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useT } from "../utils/use-t";

export const handle = titled("titles.supply");

/** Data sets a page of the list. */
const SUPPLY_PAGE = 50;

const idParam = (v: string | null) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null);

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canReadSupply(scope), scope);
    const p = new URL(request.url).searchParams;
    const filter = {
      q: (p.get("q") ?? "").slice(0, 200),
      organisationId: idParam(p.get("agency")),
      committeeId: idParam(p.get("committee")),
      stageId: idParam(p.get("stage")),
      level: DATA_LEVELS.find((l) => l === p.get("level")) ?? null,
      late: p.get("late") === "1",
    };
    const canManage = canManageSupply(scope);
    // Fifty a page, in the list's order (agency, then name); the filters stay in the page links.
    const { rows, total, page, pages } = pageDataSets(scope, filter, pageOf(p), SUPPLY_PAGE);
    return json({
      filter,
      rows,
      total,
      page,
      pages,
      search: new URL(request.url).search,
      stages: listStages(),
      options: dataSetFormOptions(),
      canManage,
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canManageSupply(scope), scope);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), dataSetSchema, t);
    if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
    try {
      const id = createDataSet(actor, scope, parsed.data);
      return redirect(`/supply/${id}`);
    } catch (error) {
      if (error instanceof RuleViolation) return ruleViolationResponse(error, t);
      throw error;
    }
  });
}

export default function SupplyList() {
  const { filter, rows, total, page, pages, search, stages, options, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const { t } = useT();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("supply.title")}</h1>
        <div className="page-header__actions">
          <Link to="/supply/weekly" className="button">
            {t("supply.weekly.title")}
          </Link>
          <Link to="/dashboard" className="button">
            {t("dashboard.title")}
          </Link>
        </div>
      </header>
      <p className="muted">{t("supply.intro")}</p>
      <Form method="get" role="search" className="filters" aria-label={t("supply.filters")}>
        <div className="field">
          <label htmlFor="q">{t("supply.search")}</label>
          <input id="q" name="q" type="search" defaultValue={filter.q} />
        </div>
        <div className="field">
          <label htmlFor="agency">{t("supply.agency")}</label>
          <select id="agency" name="agency" defaultValue={filter.organisationId ?? ""}>
            <option value="">{t("supply.all")}</option>
            {options.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="stage">{t("supply.stage")}</label>
          <select id="stage" name="stage" defaultValue={filter.stageId ?? ""}>
            <option value="">{t("supply.all")}</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="level">{t("supply.level")}</label>
          <select id="level" name="level" defaultValue={filter.level ?? ""}>
            <option value="">{t("supply.all")}</option>
            {DATA_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`supply.levels.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="committee">{t("supply.committee")}</label>
          <select id="committee" name="committee" defaultValue={filter.committeeId ?? ""}>
            <option value="">{t("supply.all")}</option>
            {options.committees.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="late" value="1" defaultChecked={filter.late} /> {t("supply.lateOnly")}
        </label>
        <button type="submit" className="button">
          {t("supply.apply")}
        </button>
      </Form>
      <p className="muted" aria-live="polite">
        {t("supply.results", { count: total })}
      </p>
      <DataSetList rows={rows} showAgency showBlockedOn caption={t("supply.title")} framed={false} />
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(n) => {
          const next = new URLSearchParams(search);
          next.set("page", String(n));
          return `?${next}`;
        }}
      />
      {canManage ? (
        <Form method="post" className="card stack" aria-labelledby="new-data-set">
          <h2 id="new-data-set">{t("supply.new")}</h2>
          <div className="form-grid">
            <Field id="organisationId" label={t("supply.agency")} error={errors.organisationId}>
              {(a) => (
                <select {...a} name="organisationId" defaultValue="">
                  <option value="">{t("supply.choose")}</option>
                  {options.agencies.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="name" label={t("supply.dataSet")} error={errors.name}>
              {(a) => <input {...a} name="name" maxLength={200} />}
            </Field>
            <Field id="dsLevel" label={t("supply.level")} error={errors.level}>
              {(a) => (
                <select {...a} name="level" defaultValue="PIN">
                  {DATA_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {t(`supply.levels.${l}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="frequency" label={t("supply.frequency")} error={errors.frequency}>
              {(a) => (
                <select {...a} name="frequency" defaultValue="once">
                  {DATA_FREQUENCIES.map((f) => (
                    <option key={f} value={f}>
                      {t(`supply.frequencies.${f}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="committeeId" label={t("supply.committee")} error={errors.committeeId}>
              {(a) => (
                <select {...a} name="committeeId" defaultValue="">
                  <option value="">{t("supply.choose")}</option>
                  {options.committees.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <JalaliDateField name="scheduleDate" label={t("supply.schedule")} error={errors.scheduleDate} />
          </div>
          <Field id="items" label={t("supply.items")} error={errors.items} hint={t("supply.itemsHint")}>
            {(a) => <textarea {...a} name="items" rows={3} maxLength={2000} />}
          </Field>
          {errors.form ? (
            <p className="field__error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <div>
            <button type="submit" className="button button--primary">
              {t("supply.create")}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
