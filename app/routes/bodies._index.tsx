import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "../components/ui/data-table";
import { canManageStructure, requireScope } from "../models/access.server";
import { type BodySummary, listBodies } from "../models/bodies.server";
import { formatCount, formatPlain } from "../utils/digits";
import { titled } from "../utils/page-title";
import { formatPersonName } from "../utils/person-name";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.bodies");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    return json({ bodies: listBodies(), canManage: canManageStructure(scope) });
  });
}

const column = createColumnHelper<BodySummary>();

export default function Bodies() {
  const { bodies, canManage } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const nameOf = (id: number | null) => bodies.find((b) => b.id === id)?.name ?? "—";
  const columns = [
    column.accessor("name", {
      header: t("bodies.name"),
      cell: (c) => <Link to={`/bodies/${c.row.original.id}`}>{c.getValue()}</Link>,
    }),
    column.accessor("kind", { header: t("bodies.kind"), cell: (c) => t(`bodyKinds.${c.getValue()}`) }),
    column.accessor("parentId", { header: t("bodies.parent"), cell: (c) => nameOf(c.getValue()) }),
    column.accessor("chair", {
      header: t("bodies.chair"),
      cell: (c) => (c.getValue() ? formatPersonName(c.getValue()!, lang) : "—"),
    }),
    column.accessor("secretary", {
      header: t("bodies.secretary"),
      cell: (c) => (c.getValue() ? formatPersonName(c.getValue()!, lang) : "—"),
    }),
    column.accessor("memberCount", { header: t("bodies.memberCount"), cell: (c) => formatCount(c.getValue(), lang) }),
    column.accessor("groupCount", {
      header: t("bodies.groupCount"),
      cell: (c) => (c.row.original.kind === "committee" ? formatPlain(c.getValue(), lang) : "—"),
    }),
    column.accessor("active", {
      header: t("bodies.status"),
      cell: (c) => (
        <span className={c.getValue() ? "badge badge--ok" : "badge"}>
          {c.getValue() ? t("bodies.statusActive") : t("bodies.statusInactive")}
        </span>
      ),
    }),
  ];
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("bodies.title")}</h1>
        {canManage ? (
          <Link to="/bodies/new" className="button button--primary">
            {t("bodies.new")}
          </Link>
        ) : null}
      </header>
      <DataTable columns={columns} data={bodies} caption={t("bodies.title")} />
    </div>
  );
}
