import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "../components/ui/data-table";
import { JalaliDateField } from "../components/ui/jalali-date-field";
import { Pagination } from "../components/ui/pagination";
import { canEditMinutesOf, canReadMeetingsOf, requireScope } from "../models/access.server";
import { listBodies } from "../models/bodies.server";
import { listMeetingGroups, listMeetings, MEETINGS_PAGE, type MeetingListRow } from "../models/meetings.server";
import { MEETING_STATUSES, parseMeetingsQuery } from "../schemas/meetings-list";
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
    const url = new URL(request.url);
    const { filter, page, errors } = parseMeetingsQuery(url.searchParams);
    const bodies = listBodies().filter((b) => canReadMeetingsOf(scope, b.id));
    const { rows, total } = listMeetings(scope, filter, page);
    return json({
      meetings: rows,
      total,
      page,
      pages: Math.max(1, Math.ceil(total / MEETINGS_PAGE)),
      bodies: bodies.map((b) => ({ id: b.id, name: b.name })),
      editable: bodies
        .filter((b) => b.active && canEditMinutesOf(scope, b.id))
        .map((b) => ({ id: b.id, name: b.name })),
      filter,
      // The dates as typed, so a date that could not be read stays in its field beside its message.
      typed: { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" },
      errors,
      search: url.search,
      groups: listMeetingGroups(scope),
      imported: Number(url.searchParams.get("imported")) || 0,
    });
  });
}

const column = createColumnHelper<MeetingListRow>();

export default function Meetings() {
  const { meetings, total, page, pages, bodies, editable, filter, typed, errors, search, groups, imported } =
    useLoaderData<typeof loader>();
  const filtering = Object.values(filter).some((v) => v !== undefined);
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
          <select id="new-body" name="bodyId" required defaultValue={filter.bodyId ?? ""}>
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
      <Form method="get" className="card filters" aria-label={t("minutes.filters")}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="f-q">{t("minutes.search")}</label>
            <input id="f-q" name="q" type="search" maxLength={100} defaultValue={filter.q ?? ""} />
            <p className="hint small">{t("minutes.searchHint")}</p>
          </div>
          <div className="field">
            <label htmlFor="body-filter">{t("minutes.filterBody")}</label>
            <select id="body-filter" name="body" defaultValue={filter.bodyId ?? ""}>
              <option value="">{t("minutes.allBodies")}</option>
              {bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          {groups.length > 0 ? (
            <div className="field">
              <label htmlFor="group-filter">{t("minutes.filterGroup")}</label>
              <select id="group-filter" name="group" defaultValue={filter.groupId ?? ""}>
                <option value="">{t("minutes.allGroups")}</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {t("minutes.groupOption", { group: g.name, body: g.committeeName })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="f-status">{t("bodies.status")}</label>
            <select id="f-status" name="status" defaultValue={filter.status ?? ""}>
              <option value="">{t("overdue.any")}</option>
              {MEETING_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {t(`minutes.status.${st}`)}
                </option>
              ))}
            </select>
          </div>
          <JalaliDateField
            name="from"
            label={t("minutes.heldFrom")}
            defaultValue={typed.from}
            error={errors.from ? t(`date.errors.${errors.from}`) : undefined}
          />
          <JalaliDateField
            name="to"
            label={t("minutes.heldTo")}
            defaultValue={typed.to}
            error={
              errors.to === "order" ? t("minutes.dateOrder") : errors.to ? t(`date.errors.${errors.to}`) : undefined
            }
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("overdue.apply")}
          </button>
          <Link to="/meetings" className="button">
            {t("overdue.clear")}
          </Link>
        </div>
      </Form>
      <p className="muted" role="status">
        {filtering ? t("minutes.found", { count: total }) : total > 0 ? t("minutes.listCount", { count: total }) : ""}
      </p>
      <DataTable
        columns={columns}
        data={meetings}
        caption={t("minutes.listTitle")}
        empty={filtering ? t("minutes.noneFound") : t("minutes.noMeetings")}
      />
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) => {
          const next = new URLSearchParams(search);
          next.set("page", String(p));
          return `?${next}`;
        }}
      />
    </div>
  );
}
