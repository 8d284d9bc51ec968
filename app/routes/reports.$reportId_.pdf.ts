import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireScope } from "../models/access.server";
import { getReportPdf } from "../models/reports.server";
import { toAsciiDigits } from "../utils/digits";
import { downloadName } from "../utils/download-name";
import { NotFoundError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { route } from "../utils/route.server";

/** The issued PDF exactly as stored at issue time (its SHA-256 is on the archive page). */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const report = getReportPdf(scope, requireId(params.reportId));
    if (!report?.pdf) throw new NotFoundError();
    return new Response(new Uint8Array(report.pdf), {
      headers: {
        "Content-Type": "application/pdf",
        // The number is in Persian digits and may hold «/»: a name people read, and a plain ASCII one beside it.
        "Content-Disposition": downloadName(
          `گزارش ${report.number}.pdf`,
          `report-${toAsciiDigits(report.number ?? "")}.pdf`,
        ),
        "Cache-Control": "no-store",
        ETag: `"${report.sha256}"`,
      },
    });
  });
}
