import type { DateParseError, IsoDate } from "../utils/jalali";
import { pageOf } from "./paging";
import { jalaliParam, oneOfParam, positiveParam, textParam } from "./query";

export const MEETING_STATUSES = ["draft", "final", "correcting"] as const;

/** What the meetings list is narrowed to (all optional); read from the URL so a view can be shared. */
export type MeetingsFilter = {
  /** Words of the minutes, the body's name, the number or the date (the search index). */
  q?: string;
  bodyId?: number;
  groupId?: number;
  status?: (typeof MEETING_STATUSES)[number];
  /** Held on or after / on or before (ISO). */
  from?: IsoDate;
  to?: IsoDate;
};

/** The list's state from the URL; a date that cannot be read is dropped from the filter and said next to its field. */
export function parseMeetingsQuery(params: URLSearchParams) {
  const from = jalaliParam(params.get("from"));
  const to = jalaliParam(params.get("to"));
  const filter: MeetingsFilter = {
    q: textParam(params.get("q"), 100),
    bodyId: positiveParam(params.get("body")),
    groupId: positiveParam(params.get("group")),
    status: oneOfParam(MEETING_STATUSES, params.get("status")),
    from: from.iso,
    to: to.iso,
  };
  const errors: { from?: DateParseError; to?: DateParseError | "order" } = { from: from.error, to: to.error };
  if (filter.from && filter.to && filter.from > filter.to) {
    errors.to = "order";
    filter.to = undefined;
  }
  return { filter, page: pageOf(params), errors };
}
