import type { TFunction } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { OfficialDocument } from "../components/official-document";
import { ReportBody, ReportCover } from "../components/report-view";
import { countDocuments } from "../models/documents.server";
import { getLetterhead } from "../models/letterhead.server";
import { composeReport, periodName, reportDocuments } from "../models/report-composition.server";
import { type getReport, signerOf } from "../models/reports.server";
import * as clock from "./clock.server";
import type { Lang } from "./digits";
import { formatJalali } from "./jalali";
import { serverI18n } from "./locale.server";
import { appStyles, printPdf } from "./pdf.server";

type Report = NonNullable<ReturnType<typeof getReport>>;

/** Everything the report view needs, for the preview page and for printing. */
export function reportViewProps(report: Report, t: TFunction) {
  const p = { kind: report.kind, year: report.year, period: report.period };
  const name = periodName(p, t);
  return {
    data: composeReport(p),
    title: t(p.kind === "half_year" ? "reports.headerTitleHalfYear" : "reports.headerTitle", {
      kind: t(`reports.kinds.${p.kind}`),
      period: name,
    }),
    periodName: name,
    coverText: report.coverText,
    notes: report.notes,
    replacesNumber: report.replaces?.number ?? null,
    signer: signerOf(report.signerPersonId),
    reportDocuments: reportDocuments(report.id),
  };
}

/**
 * Prints the report with Chromium in the official layout (letterhead, شماره / تاریخ / پیوست): A4, Vazirmatn, running
 * title, "page x of y" in the document's digits, table headers on every page. `number` is null for a draft's preview.
 */
export async function printReport(report: Report, lang: Lang, number: string | null) {
  const i18n = serverI18n(lang);
  const t = i18n.t;
  const props = reportViewProps(report, t);
  const documents = countDocuments({ entity: "report", entityId: report.id });
  const body = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <OfficialDocument
        letterhead={getLetterhead()}
        refs={{
          number: number ?? t("reports.draftNumber"),
          // The day it is printed (issued), in Tehran.
          date: formatJalali(clock.today(), lang),
          attachments: documents > 0 ? t("letterhead.has", { count: documents }) : t("letterhead.none"),
        }}
        signers={props.signer ? [props.signer] : []}
        signaturesTitle={t("letterhead.signatureReport")}
      >
        {/* The letter, on the letterhead and signed; the report follows it. */}
        <ReportCover {...props} />
      </OfficialDocument>
      <ReportBody {...props} />
    </I18nextProvider>,
  );
  const pdf = await printPdf(body, {
    lang,
    title: props.title,
    header: props.title,
    footer: i18n.t("pdf.footer"),
    css: appStyles("report.css") + appStyles("print.css"),
  });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
  return { pdf, pages };
}
