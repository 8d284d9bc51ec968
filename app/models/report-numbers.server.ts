import { and, eq } from "drizzle-orm";
import { reports, settings } from "../../db/schema";
import { db, writeTransaction } from "../utils/db.server";
import { toPersianDigits } from "../utils/digits";
import { canComposeReports, requireAllowed, type Scope } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import type { Period } from "./report-composition.server";

const NUMBER_PATTERN_KEY = "report_number_pattern";
/** Year, period and sequence: «۱۴۰۵/س۳/۱» for the third quarter's first report, «۱۴۰۵/ش۱/۱» for a half-year's. */
export const DEFAULT_NUMBER_PATTERN = "{year}/{period}/{seq}";
const TOKENS = ["{year}", "{period}", "{seq}"];

/** The pattern the secretariat set for report numbers, or the default. */
export function numberPattern(reader: Pick<typeof db, "select"> = db): string {
  return (
    reader.select({ value: settings.value }).from(settings).where(eq(settings.key, NUMBER_PATTERN_KEY)).get()?.value ??
    DEFAULT_NUMBER_PATTERN
  );
}

/** Why a pattern is refused (an i18n key), or null: each of {year}, {period} and {seq} once, nothing else in braces. */
export function numberPatternError(pattern: string): string | null {
  const p = pattern.trim();
  if (p.length === 0) return "validation.required";
  if (p.length > 60) return "validation.tooLong";
  if ([...p].some((c) => c.charCodeAt(0) < 32)) return "reports.patternInvalid";
  for (const token of TOKENS) if (p.split(token).length !== 2) return "reports.patternInvalid";
  let rest = p;
  for (const token of TOKENS) rest = rest.replace(token, "");
  if (/[{}]/.test(rest)) return "reports.patternInvalid";
  return null;
}

/** Sets the pattern of the numbers reports will carry; those already issued keep theirs. */
export function setNumberPattern(
  actor: Actor,
  scope: Scope,
  pattern: string,
): { ok: true } | { ok: false; error: string } {
  requireAllowed(canComposeReports(scope), scope);
  const error = numberPatternError(pattern);
  if (error) return { ok: false, error };
  const value = pattern.trim();
  writeTransaction((tx) => {
    const before = numberPattern(tx);
    tx.insert(settings)
      .values({ key: NUMBER_PATTERN_KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value } })
      .run();
    recordAudit(
      {
        ...actor,
        action: "update",
        entity: "settings",
        before: { numberPattern: before },
        after: { numberPattern: value },
      },
      tx,
    );
  });
  return { ok: true };
}

/** A number written with a pattern, in Persian digits; the period is «س۳» for a quarter, «ش۱» for a half-year. */
export function formatReportNumber(pattern: string, p: Period, seq: number) {
  const period = `${p.kind === "quarterly" ? "س" : "ش"}${p.period}`;
  return toPersianDigits(
    pattern.replace("{year}", String(p.year)).replace("{period}", period).replace("{seq}", String(seq)),
  );
}

/** The next free number for a period: the issued reports of the period plus one (a correction takes the next). */
export function nextNumber(tx: Pick<typeof db, "select">, p: Period) {
  const issued = tx
    .select({ number: reports.number })
    .from(reports)
    .where(
      and(
        eq(reports.kind, p.kind),
        eq(reports.year, p.year),
        eq(reports.period, p.period),
        eq(reports.status, "issued"),
      ),
    )
    .all().length;
  const pattern = numberPattern(tx);
  // Numbers are unique: after a change of pattern an older number may be taken already; the next one is free.
  for (let seq = issued + 1; ; seq++) {
    const number = formatReportNumber(pattern, p, seq);
    if (!tx.select({ id: reports.id }).from(reports).where(eq(reports.number, number)).get()) return number;
  }
}
