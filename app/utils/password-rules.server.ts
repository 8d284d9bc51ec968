/**
 * What a new password must not be: common (zxcvbn-ts with its common-password and name dictionaries), one character
 * repeated, or built on the username or the person's name; and it must be strong enough (zxcvbn score 3 of 4). The
 * length rule stays in the form's schema, which the browser checks too; this runs on the server only (the
 * dictionaries are 2 MB).
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { RuleViolation } from "./rules";

let zxcvbn: ZxcvbnFactory | undefined;

const COMMON_WARNINGS = new Set([
  "topTen",
  "topHundred",
  "common",
  "similarToCommon",
  "commonNames",
  "namesByThemselves",
]);
const REPEAT_WARNINGS = new Set(["simpleRepeat", "extendedRepeat", "straightRow", "keyPattern", "sequences"]);

/** The rule code a password breaks (`password_common`, …), or null when it may be used. */
export async function passwordProblem(password: string, personal: string[]): Promise<string | null> {
  const lower = password.toLowerCase();
  if (/^(.)\1*$/su.test(password)) return "password_repeated";
  const inputs = personal.map((v) => v.trim().toLowerCase()).filter((v) => v.length >= 3);
  if (inputs.some((v) => lower.includes(v))) return "password_personal";
  zxcvbn ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  const result = await zxcvbn.check(password, inputs);
  if (result.score >= 3) return null;
  const warning = result.feedback.warning ?? "";
  if (warning === "userInputs") return "password_personal";
  if (COMMON_WARNINGS.has(warning)) return "password_common";
  if (REPEAT_WARNINGS.has(warning)) return "password_repeated";
  return "password_weak";
}

/** Refuses a password that breaks a rule, next to `field`. */
export async function checkPassword(password: string, personal: string[], field = "password") {
  const problem = await passwordProblem(password, personal);
  if (problem) throw new RuleViolation(problem, field);
}
