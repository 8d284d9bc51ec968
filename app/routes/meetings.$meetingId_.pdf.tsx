import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { canReadMeeting, requireAllowed, requireScope } from "../models/access.server";
import { getMinutesView } from "../models/meetings.server";
import { downloadName } from "../utils/download-name";
import { NotFoundError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { getLang, serverI18n } from "../utils/locale.server";
import { printMinutes } from "../utils/minutes-print.server";
import { PdfBusyError, PdfError, unavailableResponse } from "../utils/pdf.server";
import { route } from "../utils/route.server";

/**
 * The minutes as a PDF in the official layout, printed by Chromium from the same component as the page: the
 * current edition, or an earlier one (`?edition=2`); a corrected edition says so on its first page.
 */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const id = requireId(params.meetingId);
    const found = getMinutesView(scope, id);
    if (!found) throw new NotFoundError();
    requireAllowed(canReadMeeting(scope, found.meeting), scope);
    const asked = new URL(request.url).searchParams.get("edition");
    const lang = await getLang(request);
    const t = serverI18n(lang).t;
    try {
      const printed = await printMinutes(scope, id, lang, {
        editionNumber: asked ? requireId(asked) : undefined,
        request,
      });
      if (!printed) throw new NotFoundError();
      const { pdf, title, suffix, when } = printed;
      return new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": downloadName(`${title}${suffix} ${when}.pdf`, `minutes-${id}-${when}.pdf`),
          "Cache-Control": "no-store",
        },
      });
    } catch (error) {
      if (error instanceof PdfBusyError) return unavailableResponse(t("pdf.busy"));
      if (error instanceof PdfError) {
        console.error("pdf failed:", error.message);
        return redirect(`/meetings/${id}?pdfError=1`);
      }
      throw error;
    }
  });
}
