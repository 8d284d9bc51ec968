import type { LoaderFunctionArgs } from "@remix-run/node";
import { canReadSupply, requireAllowed, requireScope } from "../models/access.server";
import { weekEndOf, weeklyStatus } from "../models/supply-reports.server";
import { getLang, serverI18n } from "../utils/locale.server";
import { PdfBusyError, PdfError, unavailableResponse } from "../utils/pdf.server";
import { route } from "../utils/route.server";
import { printWeekly } from "../utils/supply-print.server";

/** The weekly data-supply report as a PDF in the official layout. */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canReadSupply(scope), scope);
    const report = weeklyStatus(scope, weekEndOf(request));
    const lang = await getLang(request);
    try {
      const pdf = await printWeekly(report, lang);
      return new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `inline; filename="supply-weekly-${report.to}.pdf"`,
          "Cache-Control": "no-store",
        },
      });
    } catch (error) {
      if (error instanceof PdfError) {
        console.error("weekly pdf failed:", error.message);
        const { t } = serverI18n(lang);
        return unavailableResponse(t(error instanceof PdfBusyError ? "pdf.busy" : "reports.pdfFailed"));
      }
      throw error;
    }
  });
}
