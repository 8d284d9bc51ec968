import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { AppointmentLetter, type AppointmentLetterData } from "../components/appointment-letter";
import { getLetterhead } from "../models/letterhead.server";
import { localDigits } from "./digits";
import { serverI18n } from "./locale.server";
import { appStyles, printPdf } from "./pdf.server";

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
  const pdf = await printPdf(body, { lang: "fa", title, header: "", footer: t("pdf.footer"), css: appStyles("print.css") });
  return new Uint8Array(pdf);
}
