import { OVERDUE_SORTS, type OverdueQuery } from "../models/overdue.server";
import { toAsciiDigits } from "../utils/digits";
import { parseJalaliInput } from "../utils/jalali";
import { pageOf, pageSizeOf } from "./paging";

/** A positive whole number no larger than `max` (ids, day counts), or undefined. */
const positive = (v: string | null, max = 1_000_000_000) => {
  const n = Number(toAsciiDigits(v ?? ""));
  return Number.isInteger(n) && n > 0 && n <= max ? n : undefined;
};
const date = (v: string | null) => {
  const r = parseJalaliInput(v ?? "");
  return r.ok ? r.iso : undefined;
};

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
