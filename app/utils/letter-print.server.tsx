import { json } from "@remix-run/node";
import type { TFunction } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { AppointmentLetter, type AppointmentLetterData } from "../components/appointment-letter";
import type { Scope } from "../models/access.server";
import type { Actor } from "../models/audit.server";
import { getLetterhead } from "../models/letterhead.server";
import { issueLetters, type LetterPrinter } from "../models/letters.server";
import type { MembershipTarget } from "../models/memberships.server";
import { localDigits } from "./digits";
import { serverI18n } from "./locale.server";
import { appStyles, PdfBusyError, PdfError, printPdf } from "./pdf.server";
import { RuleViolation } from "./rules";

/**
 * Prints one appointment letter in the official layout: always in Persian (it is the office's letter, whatever the
 * language of the person issuing it), one PDF per letter, through the shared print queue.
 */
export async function printLetter(letter: AppointmentLetterData): Promise<Uint8Array> {
  const i18n = serverI18n("fa");
  const t = i18n.t;
  const body = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <AppointmentLetter letter={letter} letterhead={getLetterhead()} />
    </I18nextProvider>,
  );
  const title = t("letters.pdfTitle", { number: localDigits(letter.number, "fa") });
  const pdf = await printPdf(body, {
    lang: "fa",
    title,
    header: "",
    footer: t("pdf.footer"),
    css: appStyles("print.css"),
  });
  return new Uint8Array(pdf);
}

/**
 * The answer of a page's «صدور حکم» / «صدور احکام همه اعضا» form: how many letters were issued, or the reason none
 * was, in Persian next to the form (a rule, a busy print queue, a failed print), never a 500.
 */
export async function answerLetterIssue(
  actor: Actor,
  scope: Scope,
  target: MembershipTarget,
  change: { intent: string; signerId: number; membershipId?: number; reason?: string },
  t: TFunction,
  print: LetterPrinter = printLetter,
) {
  const refuse = (field: string, message: string, status: number) =>
    json({ intent: change.intent, ok: false, issued: 0, errors: { [field]: message } }, { status });
  try {
    const issued = await issueLetters(actor, scope, target, change, print);
    return json({ intent: change.intent, ok: true, issued: issued.length, errors: null });
  } catch (error) {
    if (error instanceof RuleViolation)
      return refuse(error.field ?? "form", t(`rules.${error.code}`), error.code === "lettersBusy" ? 409 : 400);
    if (error instanceof PdfBusyError) return refuse("form", t("pdf.busy"), 503);
    if (error instanceof PdfError) {
      console.error("letter print failed:", error.message);
      return refuse("form", t("letters.printFailed"), 503);
    }
    throw error;
  }
}
