import { OVERDUE_SORTS, type OverdueQuery } from "../models/overdue.server";
import { pageOf, pageSizeOf } from "./paging";
import { jalaliParam, positiveParam as positive } from "./query";

const date = (v: string | null) => jalaliParam(v).iso;

/** The overdue review's state, read from the URL so a view can be shared; anything unreadable falls back quietly. */
export function parseOverdueQuery(params: URLSearchParams): OverdueQuery {
  const sort = params.get("sort");
  const status = params.get("status");
  return {
    bodyId: positive(params.get("body")),
    ownerBodyId: positive(params.get("ownerBody")),
    ownerPersonId: positive(params.get("ownerPerson")),
    status: status === "open" || status === "in_progress" ? status : undefined,
    dueFrom: date(params.get("from")),
    dueTo: date(params.get("to")),
    minDays: positive(params.get("minDays"), 36_500),
    q: (params.get("q") ?? "").slice(0, 200) || undefined,
    sort: (OVERDUE_SORTS as readonly string[]).includes(sort ?? "") ? (sort as OverdueQuery["sort"]) : "daysOverdue",
    dir: params.get("dir") === "asc" ? "asc" : "desc",
    page: pageOf(params),
    pageSize: pageSizeOf(params),
  };
}
