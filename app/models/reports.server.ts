/** A report's lifecycle: the archive, drafts (narrative and signer), issue with its PDF, and the stored PDF. */
import { createHash } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import type { TFunction } from "i18next";
import { bodies, memberships, people, reports, users } from "../../db/schema";
import * as clock from "../utils/clock.server";
import { db, writeTransaction } from "../utils/db.server";
import { NotFoundError } from "../utils/errors";
import { formatPersonName } from "../utils/person-name";
import { asRuleViolation, RuleViolation } from "../utils/rules";
import { canComposeReports, canReadReports, requireAllowed, type Scope } from "./access.server";
import { type Actor, recordAudit } from "./audit.server";
import { isCurrentMembership } from "./memberships.server";
import { composeReport, type Period, periodName } from "./report-composition.server";
import { nextNumber } from "./report-numbers.server";

/** The archive as this scope sees it: issued reports for every reader, drafts only for those who compose them. */
export function listReports(scope: Scope) {
  requireAllowed(canReadReports(scope), scope);
  return db
    .select({
      id: reports.id,
      kind: reports.kind,
      year: reports.year,
      period: reports.period,
      status: reports.status,
      number: reports.number,
      issuedAt: reports.issuedAt,
      sha256: reports.sha256,
      pages: reports.pages,
      replacesId: reports.replacesId,
      issuer: users.username,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.issuedBy))
    .where(canComposeReports(scope) ? undefined : eq(reports.status, "issued"))
    .orderBy(desc(reports.id))
    .all();
}

/** One report; null when missing, a ForbiddenError for a reader who may not see reports or (for a draft) compose them. */
export function getReport(scope: Scope, id: number) {
  requireAllowed(canReadReports(scope), scope);
  const report = db
    .select({
      id: reports.id,
      kind: reports.kind,
      year: reports.year,
      period: reports.period,
      status: reports.status,
      number: reports.number,
      issuedAt: reports.issuedAt,
      coverText: reports.coverText,
      notesJson: reports.notesJson,
      signerPersonId: reports.signerPersonId,
      sha256: reports.sha256,
      pages: reports.pages,
      replacesId: reports.replacesId,
      updatedAt: reports.updatedAt,
    })
    .from(reports)
    .where(eq(reports.id, id))
    .get();
  if (!report) return null;
  if (report.status === "draft") requireAllowed(canComposeReports(scope), scope);
  const replaces = report.replacesId
    ? (db
        .select({ id: reports.id, number: reports.number })
        .from(reports)
        .where(eq(reports.id, report.replacesId))
        .get() ?? null)
    : null;
  return { ...report, notes: JSON.parse(report.notesJson || "{}") as Record<string, string>, replaces };
}

/** Opens a draft for a period with the default cover letter (from the locale) and the default signer. */
export function createReportDraft(actor: Actor, p: Period, t: TFunction, replacesId: number | null = null): number {
  const data = composeReport(p);
  const coverText = t(p.kind === "half_year" ? "reports.coverHalfYear" : "reports.coverDefault", {
    addressee: data.addressee,
    kind: t(`reports.kinds.${p.kind}`),
    period: periodName(p, t),
  });
  const signerPersonId = defaultSigner()?.id ?? null;
  return writeTransaction((tx) => {
    const { id } = tx
      .insert(reports)
      .values({
        kind: p.kind,
        year: p.year,
        period: p.period,
        coverText,
        signerPersonId,
        replacesId,
        createdBy: actor.userId,
      })
      .returning({ id: reports.id })
      .get();
    recordAudit(
      { ...actor, action: "create", entity: "report", entityId: id, after: { ...p, replacesId, signerPersonId } },
      tx,
    );
    return id;
  });
}

// ---------- the signer ----------

/** The HQ's secretary (the current «secretary» seat of the headquarters), else the secretariat's: the default signer. */
export function defaultSigner() {
  for (const kind of ["headquarters", "secretariat"] as const) {
    const found = db
      .select({ id: people.id })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
      .where(
        and(eq(bodies.kind, kind), eq(memberships.role, "secretary"), eq(people.active, true), isCurrentMembership()),
      )
      .orderBy(asc(memberships.id))
      .get();
    if (found) return found;
  }
  return null;
}

/** Who may sign a report: the active people, by name, with their position. */
export function signerOptions() {
  return db
    .select({ person: people })
    .from(people)
    .where(eq(people.active, true))
    .orderBy(asc(people.lastName), asc(people.firstName))
    .all()
    .map(({ person }) => ({ id: person.id, name: formatPersonName(person, "fa"), position: person.position }));
}

/** The printed signer of a report: name and position; null when none is chosen. */
export function signerOf(personId: number | null) {
  if (personId === null) return null;
  const person = db.select().from(people).where(eq(people.id, personId)).get();
  return person ? { name: formatPersonName(person, "fa"), position: person.position } : null;
}

/** Saves the narrative and the signer of a draft; an issued report is refused (also by the database). */
export function updateReportDraft(
  actor: Actor,
  id: number,
  input: { coverText: string; notes: Record<string, string>; signerPersonId?: number | null },
) {
  try {
    writeTransaction((tx) => {
      const before = tx
        .select({
          status: reports.status,
          coverText: reports.coverText,
          notesJson: reports.notesJson,
          signerPersonId: reports.signerPersonId,
        })
        .from(reports)
        .where(eq(reports.id, id))
        .get();
      if (!before) throw new NotFoundError();
      if (before.status === "issued") throw new RuleViolation("report_issued");
      const signerPersonId = input.signerPersonId === undefined ? before.signerPersonId : input.signerPersonId;
      if (
        signerPersonId !== null &&
        !tx
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.id, signerPersonId), eq(people.active, true)))
          .get()
      )
        throw new RuleViolation("report_signer_unknown", "signerPersonId");
      const notesJson = JSON.stringify(input.notes);
      tx.update(reports)
        .set({ coverText: input.coverText, notesJson, signerPersonId, updatedAt: clock.nowIso() })
        .where(eq(reports.id, id))
        .run();
      recordAudit(
        {
          ...actor,
          action: "update",
          entity: "report",
          entityId: id,
          before,
          after: { coverText: input.coverText, notesJson, signerPersonId },
        },
        tx,
      );
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

// ---------- numbers ----------

/** The number the draft will carry when issued. */
export function upcomingNumber(id: number) {
  const r = db
    .select({ kind: reports.kind, year: reports.year, period: reports.period })
    .from(reports)
    .where(eq(reports.id, id))
    .get();
  return r ? nextNumber(db, r) : null;
}

/**
 * Issues a draft with its printed PDF: numbered, dated, hashed, stored, and from then on immutable. The PDF was
 * printed from `printed` (the draft's narrative as read before printing); in the transaction that marks the report
 * issued, that text must still be the draft's, so the record never says what the PDF does not. If the narrative was
 * saved meanwhile, or another report took the number, nothing is issued and the issue can simply be tried again.
 */
export function issueReport(
  actor: Actor,
  id: number,
  printed: { number: string; coverText: string; notesJson: string; signerPersonId: number | null },
  pdf: Buffer,
  pages: number,
) {
  const { number } = printed;
  try {
    return writeTransaction((tx) => {
      const r = tx
        .select({
          status: reports.status,
          kind: reports.kind,
          year: reports.year,
          period: reports.period,
          coverText: reports.coverText,
          notesJson: reports.notesJson,
          signerPersonId: reports.signerPersonId,
        })
        .from(reports)
        .where(eq(reports.id, id))
        .get();
      if (!r) throw new NotFoundError();
      if (r.status === "issued") throw new RuleViolation("report_issued");
      if (
        r.coverText !== printed.coverText ||
        r.notesJson !== printed.notesJson ||
        r.signerPersonId !== printed.signerPersonId
      )
        throw new RuleViolation("report_changed");
      if (nextNumber(tx, r) !== number) throw new RuleViolation("duplicate");
      const sha256 = createHash("sha256").update(pdf).digest("hex");
      const issuedAt = clock.nowIso();
      tx.update(reports)
        .set({ status: "issued", number, issuedAt, issuedBy: actor.userId, pdfBlob: pdf, pages, sha256 })
        .where(eq(reports.id, id))
        .run();
      recordAudit({ ...actor, action: "issue", entity: "report", entityId: id, after: { number, sha256, pages } }, tx);
      return { number, sha256 };
    });
  } catch (error) {
    throw asRuleViolation(error) ?? error;
  }
}

/** The stored PDF of an issued report. */
export function getReportPdf(scope: Scope, id: number) {
  requireAllowed(canReadReports(scope), scope);
  return (
    db
      .select({ pdf: reports.pdfBlob, number: reports.number, sha256: reports.sha256 })
      .from(reports)
      .where(and(eq(reports.id, id), eq(reports.status, "issued")))
      .get() ?? null
  );
}
