import type { LoaderFunctionArgs } from "@remix-run/node";
import { canComposeReports, getReport, upcomingNumber } from "../models/reports.server";
import { requireId } from "../utils/forms.server";
import { getLang } from "../utils/locale.server";
import { PdfError } from "../utils/pdf.server";
import { requirePermission } from "../utils/permissions.server";
import { printReport } from "../utils/report-print.server";
import { requireUser } from "../utils/session.server";

/** A draft report printed as it would be issued, without issuing it (nothing is stored). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(canComposeReports(user), user, request);
  const id = requireId(params.reportId);
  const report = getReport(id);
  if (report?.status !== "draft") throw new Response("Not found", { status: 404 });
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
}
