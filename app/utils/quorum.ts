/**
 * The quorum (حد نصاب) of a meeting: the body's rule (none, more than half its members, or a set number) against
 * the members marked present or represented by a substitute. One home for the rule: the editor shows it, finalising
 * records it and asks for a reason when it is not met.
 */
import type { QuorumKind } from "../../db/enums";

export type QuorumRule = { kind: QuorumKind; count: number | null };
export type QuorumState = { needed: number; present: number; members: number; met: boolean } | null;

/** The members a meeting needs, or null when the body has no rule. */
export function quorumNeeded(rule: QuorumRule, members: number): number | null {
  if (rule.kind === "majority") return Math.floor(members / 2) + 1;
  if (rule.kind === "count") return Math.max(1, rule.count ?? 1);
  return null;
}

/** Whether the attendance as marked makes the quorum (null: no rule). A substitute (نماینده) counts for the member. */
export function quorumState(rule: QuorumRule, attendance: { status: string }[]): QuorumState {
  const needed = quorumNeeded(rule, attendance.length);
  if (needed === null) return null;
  const present = attendance.filter((a) => a.status === "present" || a.status === "represented").length;
  return { needed, present, members: attendance.length, met: present >= needed };
}
