/**
 * A resolution's status rules in one place: which statuses are still to be done, when one is overdue, and which
 * status each kind of follow-up leads to from each status (the table below). Pure: the day is passed in.
 */
import type { RESOLUTION_STATUSES } from "../../db/enums";
import type { IsoDate } from "./jalali";

export type ResolutionStatus = (typeof RESOLUTION_STATUSES)[number];

/** Still to be done: open or in progress. */
export const ACTIVE: ("open" | "in_progress")[] = ["open", "in_progress"];

export function isActive(status: string): boolean {
  return status === "open" || status === "in_progress";
}

/** Overdue: not done (nor cancelled) after its deadline. Standing resolutions have none and are never overdue. */
export function isOverdue(r: { status: string; dueDate: string | null }, today: IsoDate): boolean {
  return isActive(r.status) && r.dueDate !== null && r.dueDate < today;
}

export type ChangeIntent =
  | "progress"
  | "start"
  | "done"
  | "request_extension"
  | "extend"
  | "decide"
  | "cancel"
  | "reopen";

const stays = { open: "open", in_progress: "in_progress" } as const;

/**
 * The status a follow-up leads to, by the status it starts from. A status missing from a row means the follow-up is
 * refused there: a done or cancelled resolution takes nothing but «reopen».
 */
export const TRANSITIONS: Record<ChangeIntent, Partial<Record<ResolutionStatus, ResolutionStatus>>> = {
  progress: { open: "in_progress", in_progress: "in_progress" },
  start: { open: "in_progress", in_progress: "in_progress" },
  done: { open: "done", in_progress: "done" },
  request_extension: stays,
  extend: stays,
  decide: stays,
  cancel: { open: "cancelled", in_progress: "cancelled" },
  reopen: { open: "in_progress", in_progress: "in_progress", done: "in_progress", cancelled: "in_progress" },
};

/** The status after a follow-up, or null when the follow-up is refused in this status. */
export function nextStatus(intent: ChangeIntent, from: ResolutionStatus): ResolutionStatus | null {
  return TRANSITIONS[intent][from] ?? null;
}
