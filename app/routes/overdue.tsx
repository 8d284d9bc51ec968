import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { NameList } from "../components/person-name";
import { cellLabel } from "../components/ui/data-table";
import { JalaliDateField } from "../components/ui/jalali-date-field";
import { requireScope } from "../models/access.server";
import { overdueReview, ownerFilterOptions } from "../models/overdue.server";
import { parseOverdueQuery } from "../schemas/overdue";
import { PAGE_SIZES } from "../schemas/paging";
import { formatCount, localDigits } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { titled } from "../utils/page-title";
import { namesForReader } from "../utils/person-name";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.overdue");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const query = parseOverdueQuery(new URL(request.url).searchParams);
    const review = overdueReview(scope, query);
    return json({ ...review, query, options: ownerFilterOptions(scope) });
  });
}

type Row = ReturnType<typeof overdueReview>["rows"][number];
const column = createColumnHelper<Row>();
const SORTABLE: Record<string, string> = {
  code: "code",
  bodyName: "body",
  dueDate: "dueDate",
  daysOverdue: "daysOverdue",
};

export default function OverdueReview() {
  const { rows, total, counts, query, options } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const sorting: SortingState = [
    { id: Object.keys(SORTABLE).find((k) => SORTABLE[k] === query.sort) ?? "daysOverdue", desc: query.dir === "desc" },
  ];
  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) v === null || v === "" ? next.delete(k) : next.set(k, v);
    setParams(next, { preventScrollReset: true });
  };

  const columns = [
    column.accessor("code", {
      header: t("overdue.code"),
      cell: (c) => <Link to={`/resolutions/${c.row.original.id}`}>{localDigits(c.getValue(), lang)}</Link>,
    }),
    column.accessor("bodyName", { header: t("overdue.body") }),
    column.accessor("subject", {
      header: t("overdue.subject"),
      enableSorting: false,
      cell: (c) => (
        <Link to={`/resolutions/${c.row.original.id}`} className="subject-link">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor("owners", {
      header: t("overdue.owners"),
      enableSorting: false,
      cell: (c) => <NameList names={c.getValue()} />,
    }),
    column.accessor("dueDate", { header: t("overdue.deadline"), cell: (c) => formatJalali(c.getValue(), lang) }),
    column.accessor("daysOverdue", { header: t("overdue.daysOverdue"), cell: (c) => formatCount(c.getValue(), lang) }),
    column.accessor("lastNote", {
      header: t("overdue.lastFollowUp"),
      enableSorting: false,
      cell: (c) => <span className="small">{c.getValue() ?? "—"}</span>,
    }),
  ];
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    pageCount: pages,
    state: { sorting, pagination: { pageIndex: query.page - 1, pageSize: query.pageSize } },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0] ?? { id: "daysOverdue", desc: true };
      setParam({ sort: SORTABLE[first.id] ?? "daysOverdue", dir: first.desc ? "desc" : "asc", page: null });
    },
  });
  const bodyOptions = [
    <option key="" value="">
      {t("overdue.any")}
    </option>,
    ...options.bodies.map((b) => (
      <option key={b.id} value={b.id}>
        {b.name}
      </option>
    )),
  ];
  const exportHref = `/overdue.xlsx?${new URLSearchParams([...params].filter(([k]) => k !== "page" && k !== "size"))}`;

  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>{t("overdue.title")}</h1>
          <p className="muted">{t("overdue.intro")}</p>
        </div>
        <a className="button" href={exportHref} download>
          {t("overdue.export")}
        </a>
      </header>

      <section className="card" aria-labelledby="per-body">
        <h2 id="per-body">{t("overdue.total", { count: total })}</h2>
        <ul className="summary-counts">
          {counts.map((c) => (
            <li key={c.bodyId}>
              <button
                type="button"
                className="button button--small"
                onClick={() => setParam({ body: String(c.bodyId), page: null })}
              >
                {c.bodyName}: <strong>{formatCount(c.n, lang)}</strong>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <Form method="get" className="card filters" aria-label={t("overdue.filters")}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="f-q">{t("overdue.search")}</label>
            <input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="f-body">{t("overdue.body")}</label>
            <select id="f-body" name="body" defaultValue={query.bodyId ?? ""}>
              {bodyOptions}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-owner-body">{t("overdue.ownerBody")}</label>
            <select id="f-owner-body" name="ownerBody" defaultValue={query.ownerBodyId ?? ""}>
              {bodyOptions}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-owner-person">{t("overdue.ownerPerson")}</label>
            <select id="f-owner-person" name="ownerPerson" defaultValue={query.ownerPersonId ?? ""}>
              <option value="">{t("overdue.any")}</option>
              {options.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {namesForReader(p.name, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-status">{t("overdue.status")}</label>
            <select id="f-status" name="status" defaultValue={query.status ?? ""}>
              <option value="">{t("overdue.any")}</option>
              <option value="open">{t("resolutionStatus.open")}</option>
              <option value="in_progress">{t("resolutionStatus.in_progress")}</option>
            </select>
          </div>
          <JalaliDateField name="from" label={t("overdue.dueFrom")} defaultValue={query.dueFrom ?? ""} />
          <JalaliDateField name="to" label={t("overdue.dueTo")} defaultValue={query.dueTo ?? ""} />
          <div className="field">
            <label htmlFor="f-min">{t("overdue.minDays")}</label>
            <input id="f-min" name="minDays" inputMode="numeric" defaultValue={query.minDays ?? ""} />
          </div>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("overdue.apply")}
          </button>
          <Link to="/overdue" className="button">
            {t("overdue.clear")}
          </Link>
        </div>
      </Form>

      <div className="table-wrap">
        <table className="table table--cards">
          <caption className="visually-hidden">{t("overdue.title")}</caption>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {h.column.getCanSort() ? (
                        <button
                          type="button"
                          className="sort-button"
                          onClick={h.column.getToggleSortingHandler()}
                          aria-label={t("overdue.sortBy", { column: String(h.column.columnDef.header) })}
                        >
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}</span>
                        </button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="muted">
                  {t("overdue.empty")}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="is-overdue">
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      data-label={cell.column.id === "subject" ? undefined : cellLabel(cell.column.columnDef)}
                      data-card={
                        cell.column.id === "subject" ? "title" : cell.column.id === "code" ? "code" : undefined
                      }
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav className="row pagination" aria-label={t("overdue.page", { page: query.page, pages })}>
        <button
          type="button"
          className="button button--small"
          disabled={query.page <= 1}
          onClick={() => setParam({ page: String(query.page - 1) })}
        >
          {t("overdue.previous")}
        </button>
        <span>{t("overdue.page", { page: query.page, pages })}</span>
        <button
          type="button"
          className="button button--small"
          disabled={query.page >= pages}
          onClick={() => setParam({ page: String(query.page + 1) })}
        >
          {t("overdue.next")}
        </button>
        <select
          aria-label={t("overdue.pageSize")}
          value={query.pageSize}
          onChange={(e) => setParam({ size: e.target.value, page: null })}
        >
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {formatCount(s, lang)}
            </option>
          ))}
        </select>
      </nav>
    </div>
  );
}
