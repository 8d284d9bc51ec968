/**
 * The data-supply pipeline's rules in one place (the database trigger data_sets_stage_move holds the same): a data
 * set moves one step forward at a time; «problems found» can be entered from any step but the last and sends it
 * back to any step before the last; a data set not yet delivered (or sent back) after its deadline is late. Pure.
 */
import type { StageKind } from "../../db/enums";
import type { IsoDate } from "./jalali";

export type Stage = { id: number; code: string; name: string; kind: StageKind; position: number };

const steps = (stages: readonly Stage[]) =>
  stages.filter((s) => s.kind !== "problem").sort((a, b) => a.position - b.position);

/** The first step: where every new data set starts. */
export function firstStage(stages: readonly Stage[]): Stage | undefined {
  return steps(stages)[0];
}

/** The stages a data set in `fromId` may move to, in pipeline order. */
export function allowedMoves(stages: readonly Stage[], fromId: number): Stage[] {
  const from = stages.find((s) => s.id === fromId);
  if (!from) return [];
  const ordered = steps(stages);
  const last = ordered.at(-1);
  const problem = stages.find((s) => s.kind === "problem");
  if (from.kind === "problem") return ordered.filter((s) => s !== last);
  const next = ordered.find((s) => s.position > from.position);
  return [...(next ? [next] : []), ...(problem && from !== last ? [problem] : [])];
}

export function canMove(stages: readonly Stage[], fromId: number, toId: number): boolean {
  return allowedMoves(stages, fromId).some((s) => s.id === toId);
}

/** The stage kinds that count as delivered (not pending, not sent back); the lists' SQL filters read them too. */
export const DELIVERED_KINDS = ["delivered", "accepted"] as const satisfies readonly StageKind[];

/** Delivered: in a delivered or accepted stage (not pending, not sent back). */
export function isDelivered(kind: StageKind): boolean {
  return (DELIVERED_KINDS as readonly StageKind[]).includes(kind);
}

/** Late: not delivered (or sent back) after its deadline; a data set without a schedule is never late. */
export function isLate(d: { stageKind: StageKind; dueDate: string | null }, today: IsoDate): boolean {
  return !isDelivered(d.stageKind) && d.dueDate !== null && d.dueDate < today;
}
