import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "../components/ui/data-table";
import { Pagination } from "../components/ui/pagination";
import { canEditMinutesOf, canReadMeetingsOf, requireScope } from "../models/access.server";
import { listBodies } from "../models/bodies.server";
import { listMeetingGroups, listMeetings, MEETINGS_PAGE, type MeetingListRow } from "../models/meetings.server";
import { pageOf } from "../schemas/paging";
import { formatCount } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { minutesHeading } from "../utils/meeting-title";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.meetings");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const params = new URL(request.url).searchParams;
    const filter = Number(params.get("body")) || undefined;
    const groupFilter = Number(params.get("group")) || undefined;
    const page = pageOf(params);
    const bodies = listBodies().filter((b) => canReadMeetingsOf(scope, b.id));
    const { rows, total } = listMeetings(scope, filter, page, groupFilter);
    return json({
      meetings: rows,
      total,
      page,
      pages: Math.max(1, Math.ceil(total / MEETINGS_PAGE)),
      bodies: bodies.map((b) => ({ id: b.id, name: b.name })),
      editable: bodies
        .filter((b) => b.active && canEditMinutesOf(scope, b.id))
        .map((b) => ({ id: b.id, name: b.name })),
      filter: filter ?? null,
      groups: listMeetingGroups(scope),
      groupFilter: groupFilter ?? null,
      imported: Number(params.get("imported")) || 0,
    });
  });
}

const column = createColumnHelper<MeetingListRow>();

export default function Meetings() {
  const { meetings, total, page, pages, bodies, editable, filter, groups, groupFilter, imported } =
    useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const columns = [
    column.accessor("bodyName", { header: t("minutes.filterBody") }),
    column.accessor("number", {
      header: t("minutes.number"),
      // A working group's meeting reads with its group and committee, never as the committee's own of that number.
      cell: (c) => <Link to={`/meetings/${c.row.original.id}`}>{minutesHeading(t, c.row.original)}</Link>,
    }),
    column.accessor("date", { header: t("minutes.date"), cell: (c) => formatJalali(c.getValue(), lang) }),
    column.accessor("status", {
      header: t("bodies.status"),
      cell: (c) => (
        <span className={c.getValue() === "final" ? "badge badge--ok" : "badge badge--warn"}>
          {t(`minutes.status.${c.getValue()}`)}
          {c.row.original.edition > 1 ? ` · ${t("minutes.edition", { edition: c.row.original.edition })}` : ""}
        </span>
      ),
    }),
    column.accessor("resolutionCount", {
      header: t("minutes.resolutions"),
      cell: (c) => formatCount(c.getValue(), lang),
    }),
  ];
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("minutes.listTitle")}</h1>
        {editable.length > 0 ? <Link to="/meetings/import">{t("import.link")}</Link> : null}
      </header>
      {imported ? (
        <p className="alert alert--ok" role="status">
          {t("import.created", { count: imported })}
        </p>
      ) : null}
      {editable.length > 0 ? (
        <Form method="post" action="/meetings/new" className="card row" aria-label={t("minutes.newMeeting")}>
          <label htmlFor="new-body">{t("minutes.newFor")}</label>
          <select id="new-body" name="bodyId" required defaultValue={filter ?? ""}>
            <option value="">{t("minutes.chooseBody")}</option>
            {editable.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--primary">
            {t("minutes.create")}
          </button>
        </Form>
      ) : null}
      <Form method="get" className="row">
        <label htmlFor="body-filter">{t("minutes.filterBody")}</label>
        <select
          id="body-filter"
          name="body"
          defaultValue={filter ?? ""}
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
        >
          <option value="">{t("minutes.allBodies")}</option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        {groups.length > 0 ? (
          <>
            <label htmlFor="group-filter">{t("minutes.filterGroup")}</label>
            <select
              id="group-filter"
              name="group"
              defaultValue={groupFilter ?? ""}
              onChange={(e) => e.currentTarget.form?.requestSubmit()}
            >
              <option value="">{t("minutes.allGroups")}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {t("minutes.groupOption", { group: g.name, body: g.committeeName })}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <noscript>
          <button type="submit" className="button">
            {t("people.searchButton")}
          </button>
        </noscript>
      </Form>
      {total > 0 ? <p className="muted">{t("minutes.listCount", { count: total })}</p> : null}
      <DataTable columns={columns} data={meetings} caption={t("minutes.listTitle")} empty={t("minutes.noMeetings")} />
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) =>
          `?${new URLSearchParams([
            ...(filter ? [["body", String(filter)]] : []),
            ...(groupFilter ? [["group", String(groupFilter)]] : []),
            ["page", String(p)],
          ])}`
        }
      />
    </div>
  );
}
