import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { QuickProgress } from "../components/resolution-row-actions";
import { Pagination } from "../components/ui/pagination";
import { requireScope } from "../models/access.server";
import { listMyActions } from "../models/my-actions.server";
import { PAGE_SIZES, pageOf, pageSizeOf } from "../schemas/paging";
import { formatCount, formatPercent, localDigits } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { meetingTitle } from "../utils/meeting-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const params = new URL(request.url).searchParams;
    const page = pageOf(params);
    // Rows per page as in the overdue review: 25 unless the person asks for 50 or 100.
    const size = pageSizeOf(params);
    const result = listMyActions(scope, undefined, { limit: size, offset: (page - 1) * size });
    return json({ ...result, page, size, pages: Math.max(1, Math.ceil(result.total / size)) });
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
  } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
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
      {items.length === 0 ? (
        <p className="card muted">{t("myActions.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
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
                  <td className="nowrap">
                    <Link to={`/resolutions/${r.id}`}>{localDigits(r.code, lang)}</Link>
                  </td>
                  <td>
                    <Link to={`/resolutions/${r.id}`} className="subject-link">
                      {r.subject}
                    </Link>
                    <div className="muted small">
                      {r.groupName
                        ? meetingTitle(t, { number: r.meetingNumber, bodyName: r.bodyName, groupName: r.groupName })
                        : r.bodyName}
                    </div>
                  </td>
                  <td>{r.owners.join(" / ")}</td>
                  <td className="nowrap">
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
                  <td className="nowrap">
                    {t(`resolutionStatus.${r.status}`)}
                    {r.lastPercent !== null ? ` · ${formatPercent(r.lastPercent, lang)}` : ""}
                  </td>
                  <td>
                    <QuickProgress id={r.id} label={localDigits(r.code, lang)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row">
        <Pagination
          page={page}
          pages={pages}
          hrefFor={(p) =>
            `?${new URLSearchParams({ page: String(p), ...(size !== PAGE_SIZES[0] ? { size: String(size) } : {}) })}`
          }
        />
        {total > PAGE_SIZES[0] ? (
          <Form method="get" className="row">
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
