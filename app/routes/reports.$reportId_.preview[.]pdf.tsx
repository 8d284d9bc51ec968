import type { LoaderFunctionArgs } from "@remix-run/node";
import { canComposeReports, requireAllowed, requireScope } from "../models/access.server";
import { getReport, upcomingNumber } from "../models/reports.server";
import { NotFoundError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { getLang } from "../utils/locale.server";
import { PdfError } from "../utils/pdf.server";
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
    try {
      const { pdf } = await printReport(report!, await getLang(request), upcomingNumber(id) ?? "");
      return new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `inline; filename="report-draft-${id}.pdf"`,
          "Cache-Control": "no-store",
        },
      });
    } catch (error) {
      if (error instanceof PdfError) throw new Response("PDF unavailable", { status: 503 });
      throw error;
    }
  });
}
