import { pageOf, pageSizeOf } from "./paging";
import { oneOfParam as oneOf, positiveParam as positive } from "./query";

export const MY_ACTION_SORTS = ["due", "code", "body"] as const;
export const DUE_WINDOWS = ["overdue", "week", "month", "later", "none"] as const;
/** What the person narrows «my actions» to (all optional); read from the URL here (the page and the model share these; this file is not server-only). */
export type MyActionsFilter = {
  q?: string;
  status?: "open" | "in_progress";
  bodyId?: number;
  due?: (typeof DUE_WINDOWS)[number];
  sort?: (typeof MY_ACTION_SORTS)[number];
  dir?: "asc" | "desc";
};

/** «My actions»' state from the URL (search, filters, sort, page), so a view can be shared; the unreadable is dropped. */
export function parseMyActionsQuery(params: URLSearchParams) {
  const filter: MyActionsFilter = {
    q: (params.get("q") ?? "").trim().slice(0, 100) || undefined,
    status: oneOf(["open", "in_progress"] as const, params.get("status")),
    bodyId: positive(params.get("body")),
    due: oneOf(DUE_WINDOWS, params.get("due")),
    sort: oneOf(MY_ACTION_SORTS, params.get("sort")) ?? "due",
    dir: params.get("dir") === "desc" ? "desc" : "asc",
  };
  return { filter, page: pageOf(params), pageSize: pageSizeOf(params) };
}
