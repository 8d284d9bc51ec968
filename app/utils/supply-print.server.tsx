import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { OfficialDocument } from "../components/official-document";
import { SupplyWeekly } from "../components/supply-weekly";
import { getLetterhead } from "../models/letterhead.server";
import type { weeklyStatus } from "../models/supply-reports.server";
import * as clock from "./clock.server";
import type { Lang } from "./digits";
import { formatJalali } from "./jalali";
import { serverI18n } from "./locale.server";
import { appStyles, printPdf } from "./pdf.server";

/** Prints the weekly data-supply report in the official layout (letterhead, شماره / تاریخ / پیوست), A4. */
export async function printWeekly(report: ReturnType<typeof weeklyStatus>, lang: Lang) {
  const i18n = serverI18n(lang);
  const t = i18n.t;
  const title = t("supply.weekly.printTitle", {
    from: formatJalali(report.from, lang),
    to: formatJalali(report.to, lang),
  });
  const body = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <OfficialDocument
        letterhead={getLetterhead()}
        refs={{ number: null, date: formatJalali(clock.today(), lang), attachments: t("letterhead.none") }}
        signers={[]}
        signaturesTitle={t("letterhead.signatureReport")}
      >
        <h1 className="official__title">{title}</h1>
        <SupplyWeekly report={report} links={false} />
      </OfficialDocument>
    </I18nextProvider>,
  );
  return printPdf(body, {
    lang,
    title,
    header: title,
    footer: t("pdf.footer"),
    css: appStyles("report.css") + appStyles("print.css"),
  });
}
