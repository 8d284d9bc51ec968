import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { NameList } from "../components/person-name";
import { DataTable } from "../components/ui/data-table";
import { Pagination } from "../components/ui/pagination";
import { requireScope } from "../models/access.server";
import { listBodies } from "../models/bodies.server";
import { listResolutions } from "../models/resolutions.server";
import { parseResolutionsQuery, RESOLUTION_STATES } from "../schemas/resolutions-list";
import { localDigits } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.resolutions");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const url = new URL(request.url);
    const { filter, page } = parseResolutionsQuery(url.searchParams);
    // Rows are read within the scope (visibleResolutionSql); the filter names bodies only.
    const list = listResolutions(scope, filter, page);
    return json({
      ...list,
      filter,
      search: url.search,
      bodies: listBodies().map((b) => ({ id: b.id, name: b.name })),
    });
  });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];
const column = createColumnHelper<Row>();

export default function Resolutions() {
  const { rows, total, page, pages, filter, search, bodies } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const columns = [
    column.accessor("code", {
      header: t("overdue.code"),
      cell: (c) => <Link to={`/resolutions/${c.row.original.id}`}>{localDigits(c.getValue(), lang)}</Link>,
    }),
    column.accessor("bodyName", { header: t("overdue.body") }),
    column.accessor("subject", {
      header: t("overdue.subject"),
      cell: (c) => (
        <Link to={`/resolutions/${c.row.original.id}`} className="subject-link">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor("owners", {
      header: t("overdue.owners"),
      cell: (c) => <NameList names={c.getValue()} />,
    }),
    column.accessor("dueDate", {
      header: t("overdue.deadline"),
      cell: (c) => (c.getValue() ? formatJalali(c.getValue() as string, lang) : "—"),
    }),
    column.accessor("status", {
      header: t("resolutionList.status"),
      cell: (c) => (
        <>
          {t(`resolutionStatus.${c.getValue()}`)}
          {c.row.original.overdue ? <span className="badge badge--danger">{t("resolutionList.overdue")}</span> : null}
        </>
      ),
    }),
  ];
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("resolutionList.title")}</h1>
      </header>
      <p className="muted">{t("resolutionList.intro")}</p>
      <Form method="get" className="card filters" aria-label={t("resolutionList.filters")}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="r-owner">{t("resolutionList.ownerBody")}</label>
            <select id="r-owner" name="ownerBody" defaultValue={filter.ownerBodyId ?? ""}>
              <option value="">{t("resolutionList.any")}</option>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="r-state">{t("resolutionList.state")}</label>
            <select id="r-state" name="state" defaultValue={filter.state ?? ""}>
              <option value="">{t("resolutionList.any")}</option>
              {RESOLUTION_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`reports.state.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("overdue.apply")}
          </button>
          <Link to="/resolutions" className="button">
            {t("overdue.clear")}
          </Link>
        </div>
      </Form>
      <h2>{t("resolutionList.total", { count: total })}</h2>
      <DataTable columns={columns} data={rows} caption={t("resolutionList.title")} empty={t("resolutionList.empty")} />
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(n) => {
          const next = new URLSearchParams(search);
          next.set("page", String(n));
          return `?${next}`;
        }}
      />
    </div>
  );
}
