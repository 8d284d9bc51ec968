import type { LoaderFunctionArgs } from "@remix-run/node";
import { canReadReports, getReportPdf } from "../models/reports.server";
import { requireId } from "../utils/forms.server";
import { requirePermission } from "../utils/permissions.server";
import { requireUser } from "../utils/session.server";

/** The issued PDF exactly as stored at issue time (its SHA-256 is on the archive page). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(canReadReports(user), user, request);
  const report = getReportPdf(requireId(params.reportId));
  if (!report?.pdf) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(report.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="report-${report.number}.pdf"`,
      "Cache-Control": "no-store",
      ETag: `"${report.sha256}"`,
    },
  });
}
