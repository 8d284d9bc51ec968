import { pageOf } from "./paging";
import { oneOfParam, positiveParam } from "./query";

/**
 * The states a resolution is counted in on the dashboard and listed by: done, cancelled, and the active ones split
 * at the deadline — open (still in time, or standing) and overdue (past it).
 */
export const RESOLUTION_STATES = ["done", "open", "overdue", "cancelled"] as const;
export type ResolutionState = (typeof RESOLUTION_STATES)[number];

/** What the resolutions list is narrowed to; read from the URL so a dashboard figure can link to it. */
export type ResolutionsFilter = {
  /** Owned by this body (a resolution of two owning committees is in both lists). */
  ownerBodyId?: number;
  state?: ResolutionState;
};

/** The list's state from the URL (`?ownerBody=3&state=done&page=2`); what cannot be read is dropped. */
export function parseResolutionsQuery(params: URLSearchParams) {
  const filter: ResolutionsFilter = {
    ownerBodyId: positiveParam(params.get("ownerBody")),
    state: oneOfParam(RESOLUTION_STATES, params.get("state")),
  };
  return { filter, page: pageOf(params) };
}
