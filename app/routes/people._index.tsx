import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "../components/ui/data-table";
import { Pagination } from "../components/ui/pagination";
import { canManageStructure, requireScope } from "../models/access.server";
import { listPeoplePage } from "../models/people.server";
import { pageOf } from "../schemas/paging";
import { localDigits } from "../utils/digits";
import { titled } from "../utils/page-title";
import { formatPersonName } from "../utils/person-name";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.people");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const params = new URL(request.url).searchParams;
    const q = (params.get("q") ?? "").slice(0, 200);
    const { rows, total, page, pages } = listPeoplePage({ q, page: pageOf(params) });
    return json({ q, people: rows, total, page, pages, canManage: canManageStructure(scope) });
  });
}

type Row = ReturnType<typeof listPeoplePage>["rows"][number];
const column = createColumnHelper<Row>();

export default function People() {
  const { q, people, total, page, pages, canManage } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const columns = [
    column.accessor("lastName", {
      header: t("people.name"),
      cell: (c) => <Link to={`/people/${c.row.original.id}`}>{formatPersonName(c.row.original, lang)}</Link>,
    }),
    column.accessor("organisation", { header: t("people.organisation") }),
    column.accessor("position", { header: t("people.position") }),
    column.accessor("seats", {
      header: t("people.memberships"),
      cell: (c) => (
        <ul className="plain-list">
          {c.getValue().map((s, i) => (
            <li key={i}>
              {s.name} <span className="badge">{t(`membershipRoles.${s.role}`)}</span>
            </li>
          ))}
        </ul>
      ),
    }),
    column.accessor("mobile", {
      header: t("people.mobile"),
      cell: (c) => <span dir="ltr">{localDigits(c.getValue(), lang)}</span>,
    }),
  ];
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("people.title")}</h1>
        {canManage ? (
          <Link to="/people/new" className="button button--primary">
            {t("people.new")}
          </Link>
        ) : null}
      </header>
      <Form method="get" role="search" className="search-form">
        <label htmlFor="q" className="visually-hidden">
          {t("people.search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder={t("people.search")} />
        <button type="submit" className="button">
          {t("people.searchButton")}
        </button>
      </Form>
      <p className="muted" aria-live="polite">
        {t("people.results", { count: total })}
      </p>
      <DataTable columns={columns} data={people} caption={t("people.title")} empty={t("people.noResults")} />
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) => `?${new URLSearchParams([...(q ? [["q", q]] : []), ["page", String(p)]])}`}
      />
    </div>
  );
}
