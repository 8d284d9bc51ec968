import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { NameList } from "../components/person-name";
import { QuickProgress } from "../components/resolution-row-actions";
import { Pagination } from "../components/ui/pagination";
import { requireScope } from "../models/access.server";
import { listMyActions } from "../models/my-actions.server";
import { DUE_WINDOWS, parseMyActionsQuery } from "../schemas/my-actions";
import { PAGE_SIZES } from "../schemas/paging";
import { formatCount, formatPercent, localDigits } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { meetingTitle } from "../utils/meeting-title";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.myActions");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    // Search, filters, sort and page live in the URL, as in the overdue review (25 rows unless 50 or 100 are asked).
    const { filter, page, pageSize: size } = parseMyActionsQuery(new URL(request.url).searchParams);
    const result = listMyActions(scope, undefined, { limit: size, offset: (page - 1) * size, filter });
    const pages = Math.max(1, Math.ceil(result.total / size));
    return json({ ...result, filter, page, size, pages });
  });
}

export default function MyActions() {
  const {
    rows: items,
    total,
    overdueCount: overdue,
    weekCount: week,
    page,
    size,
    pages,
    filter,
    bodies,
  } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const filtering = Boolean(filter.q || filter.status || filter.bodyId || filter.due);
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    p === 1 ? next.delete("page") : next.set("page", String(p));
    return `?${next}`;
  };
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>{t("myActions.title")}</h1>
          <p className="muted">{t("myActions.intro")}</p>
        </div>
        <div className="row">
          {overdue ? (
            <span className="badge badge--danger">{t("myActions.overdueCount", { count: overdue })}</span>
          ) : null}
          {week ? <span className="badge badge--warn">{t("myActions.weekCount", { count: week })}</span> : null}
        </div>
      </header>
      <Form method="get" className="card filters" aria-label={t("myActions.filters")}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="f-q">{t("myActions.search")}</label>
            <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ""} />
            <p className="hint small">{t("myActions.searchHint")}</p>
          </div>
          <div className="field">
            <label htmlFor="f-status">{t("overdue.status")}</label>
            <select id="f-status" name="status" defaultValue={filter.status ?? ""}>
              <option value="">{t("overdue.any")}</option>
              <option value="open">{t("resolutionStatus.open")}</option>
              <option value="in_progress">{t("resolutionStatus.in_progress")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-body">{t("overdue.body")}</label>
            <select id="f-body" name="body" defaultValue={filter.bodyId ?? ""}>
              <option value="">{t("overdue.any")}</option>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-due">{t("myActions.due")}</label>
            <select id="f-due" name="due" defaultValue={filter.due ?? ""}>
              <option value="">{t("overdue.any")}</option>
              {DUE_WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {t(`myActions.dueWindows.${w}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-sort">{t("myActions.sort")}</label>
            <select id="f-sort" name="sort" defaultValue={filter.sort}>
              <option value="due">{t("myActions.sorts.due")}</option>
              <option value="code">{t("myActions.sorts.code")}</option>
              <option value="body">{t("myActions.sorts.body")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-dir">{t("myActions.dir")}</label>
            <select id="f-dir" name="dir" defaultValue={filter.dir}>
              <option value="asc">{t("myActions.dirs.asc")}</option>
              <option value="desc">{t("myActions.dirs.desc")}</option>
            </select>
          </div>
        </div>
        {size !== PAGE_SIZES[0] ? <input type="hidden" name="size" value={size} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("overdue.apply")}
          </button>
          <Link to="/my-actions" className="button">
            {t("overdue.clear")}
          </Link>
          <span className="muted" role="status">
            {t("myActions.found", { count: total })}
          </span>
        </div>
      </Form>
      {items.length === 0 ? (
        <p className="card muted">{filtering ? t("myActions.noneFound") : t("myActions.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards">
            <caption className="visually-hidden">{t("myActions.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("overdue.code")}</th>
                <th scope="col">{t("overdue.subject")}</th>
                <th scope="col">{t("overdue.owners")}</th>
                <th scope="col">{t("overdue.deadline")}</th>
                <th scope="col">{t("followUp.progress")}</th>
                <th scope="col">{t("followUp.addProgress")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className={r.overdue ? "is-overdue" : r.dueThisWeek ? "is-soon" : undefined}>
                  <td className="nowrap" data-label={t("overdue.code")} data-card="code">
                    <Link to={`/resolutions/${r.id}`}>{localDigits(r.code, lang)}</Link>
                  </td>
                  <td data-card="title">
                    <Link to={`/resolutions/${r.id}`} className="subject-link">
                      {r.subject}
                    </Link>
                    <div className="muted small">
                      {r.groupName
                        ? meetingTitle(t, { number: r.meetingNumber, bodyName: r.bodyName, groupName: r.groupName })
                        : r.bodyName}
                    </div>
                  </td>
                  <td data-label={t("overdue.owners")}>
                    <NameList names={r.owners} />
                  </td>
                  <td className="nowrap" data-label={t("overdue.deadline")}>
                    {r.dueDate ? formatJalali(r.dueDate, lang) : t("timeframe.standing")}
                    {r.overdue ? (
                      <div>
                        <span className="badge badge--danger">{t("followUp.overdue", { count: r.daysOverdue })}</span>
                      </div>
                    ) : r.dueThisWeek ? (
                      <div>
                        <span className="badge badge--warn">{t("followUp.dueThisWeek")}</span>
                      </div>
                    ) : null}
                  </td>
                  <td className="nowrap" data-label={t("followUp.progress")}>
                    {t(`resolutionStatus.${r.status}`)}
                    {r.lastPercent !== null ? ` · ${formatPercent(r.lastPercent, lang)}` : ""}
                  </td>
                  <td data-label={t("followUp.addProgress")}>
                    <QuickProgress id={r.id} label={localDigits(r.code, lang)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row">
        <Pagination page={page} pages={pages} hrefFor={hrefFor} />
        {total > PAGE_SIZES[0] ? (
          <Form method="get" className="row">
            {[...params].flatMap(([k, v]) =>
              k === "size" || k === "page" ? [] : [<input key={k} type="hidden" name={k} value={v} />],
            )}
            <label htmlFor="page-size">{t("overdue.pageSize")}</label>
            <select
              id="page-size"
              name="size"
              defaultValue={String(size)}
              onChange={(e) => e.currentTarget.form?.requestSubmit()}
            >
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {formatCount(n, lang)}
                </option>
              ))}
            </select>
            <noscript>
              <button type="submit" className="button button--small">
                {t("overdue.apply")}
              </button>
            </noscript>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
