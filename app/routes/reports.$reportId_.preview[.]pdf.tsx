import type { LoaderFunctionArgs } from "@remix-run/node";
import { canComposeReports, requireAllowed, requireScope } from "../models/access.server";
import { getReport, upcomingNumber } from "../models/reports.server";
import { NotFoundError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { getLang, serverI18n } from "../utils/locale.server";
import { PdfBusyError, PdfError, unavailableResponse } from "../utils/pdf.server";
import { printReport } from "../utils/report-print.server";
import { route } from "../utils/route.server";

/** A draft report printed as it would be issued, without issuing it (nothing is stored). */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canComposeReports(scope), scope);
    const id = requireId(params.reportId);
    const report = getReport(scope, id);
    if (report?.status !== "draft") throw new NotFoundError();
    const lang = await getLang(request);
    try {
      const { pdf } = await printReport(report!, lang, upcomingNumber(id) ?? "");
      return new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `inline; filename="report-draft-${id}.pdf"`,
          "Cache-Control": "no-store",
        },
      });
    } catch (error) {
      if (error instanceof PdfError) {
        console.error("report pdf failed:", error.message);
        const { t } = serverI18n(lang);
        return unavailableResponse(t(error instanceof PdfBusyError ? "pdf.busy" : "reports.pdfFailed"));
      }
      throw error;
    }
  });
}
