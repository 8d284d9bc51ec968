import type { TFunction } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { ReportView } from "../components/report-view";
import { composeReport, type getReport, periodName } from "../models/reports.server";
import * as clock from "./clock.server";
import type { Lang } from "./digits";
import { serverI18n } from "./locale.server";
import { appStyles, printPdf } from "./pdf.server";

type Report = NonNullable<ReturnType<typeof getReport>>;

/** Everything the report view needs, for the preview page and for printing. */
export function reportViewProps(report: Report, t: TFunction) {
  const p = { kind: report.kind, year: report.year, period: report.period };
  const name = periodName(p, t);
  return {
    data: composeReport(p),
    title: t("reports.headerTitle", { kind: t(`reports.kinds.${p.kind}`), period: name }),
    periodName: name,
    number: report.number,
    issuedAt: report.issuedAt,
    coverText: report.coverText,
    notes: report.notes,
    replacesNumber: report.replaces?.number ?? null,
  };
}

/** Prints the report with Chromium: A4, Vazirmatn, running title, "page x of y" in the document's digits, table headers on every page. */
export async function printReport(report: Report, lang: Lang, number: string) {
  const i18n = serverI18n(lang);
  const props = { ...reportViewProps(report, i18n.t), number, issuedAt: clock.nowIso() };
  const body = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ReportView {...props} />
    </I18nextProvider>,
  );
  const pdf = await printPdf(body, {
    lang,
    title: props.title,
    header: props.title,
    footer: i18n.t("pdf.footer"),
    css: appStyles("report.css"),
  });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
  return { pdf, pages };
}
