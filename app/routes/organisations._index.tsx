import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "../components/ui/data-table";
import { canManageOrganisations, requireScope } from "../models/access.server";
import { listOrganisations } from "../models/organisations.server";
import { formatCount } from "../utils/digits";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.organisations");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
    return json({ q, organisations: listOrganisations(scope, { q }), canManage: canManageOrganisations(scope) });
  });
}

type Row = ReturnType<typeof listOrganisations>[number];
const column = createColumnHelper<Row>();

export default function Organisations() {
  const { q, organisations, canManage } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const columns = [
    column.accessor("name", {
      header: t("organisations.name"),
      cell: (c) => (
        <Link to={`/organisations/${c.row.original.id}`}>
          {c.getValue()}
          {c.row.original.active ? null : <span className="badge">{t("organisations.inactive")}</span>}
        </Link>
      ),
    }),
    column.accessor("kind", { header: t("organisations.kind"), cell: (c) => t(`organisationKinds.${c.getValue()}`) }),
    column.accessor("aliases", {
      header: t("organisations.aliases"),
      cell: (c) => c.getValue().join(t("common.listSeparator")),
    }),
    column.accessor("peopleCount", {
      header: t("organisations.people"),
      cell: (c) => formatCount(c.getValue(), lang),
    }),
  ];
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("organisations.title")}</h1>
        {canManage ? (
          <Link to="/organisations/new" className="button button--primary">
            {t("organisations.new")}
          </Link>
        ) : null}
      </header>
      <p className="muted">{t("organisations.intro")}</p>
      <Form method="get" role="search" className="search-form">
        <label htmlFor="q" className="visually-hidden">
          {t("organisations.search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder={t("organisations.search")} />
        <button type="submit" className="button">
          {t("people.searchButton")}
        </button>
      </Form>
      <p className="muted" aria-live="polite">
        {t("organisations.results", { count: organisations.length })}
      </p>
      <DataTable
        columns={columns}
        data={organisations}
        caption={t("organisations.title")}
        empty={t("organisations.noResults")}
      />
    </div>
  );
}
