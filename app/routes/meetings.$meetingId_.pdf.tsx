import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { MinutesView } from "../components/minutes-view";
import { canReadMeeting, requireAllowed, requireScope } from "../models/access.server";
import { getMinutesView } from "../models/meetings.server";
import { formatPlain } from "../utils/digits";
import { NotFoundError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { getLang, serverI18n } from "../utils/locale.server";
import { minutesDocumentTitle } from "../utils/meeting-title";
import { appStyles, PdfBusyError, PdfError, printPdf, unavailableResponse } from "../utils/pdf.server";
import { route } from "../utils/route.server";

/** The minutes as a PDF, printed by Chromium from the same component as the page. */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const id = requireId(params.meetingId);
    const found = getMinutesView(scope, id);
    if (!found) throw new NotFoundError();
    requireAllowed(canReadMeeting(scope, found.meeting), scope);
    const lang = await getLang(request);
    const i18n = serverI18n(lang);
    const body = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <MinutesView data={found.view} />
      </I18nextProvider>,
    );
    const title = minutesDocumentTitle(i18n.t, found.view);
    try {
      const pdf = await printPdf(body, {
        lang,
        title,
        header: title,
        footer: i18n.t("pdf.footer"),
        css: appStyles("minutes.css"),
      });
      const group = found.meeting.workingGroupId ? `-g${found.meeting.workingGroupId}` : "";
      const fileName = `minutes-${found.body.id}${group}-${formatPlain(found.meeting.number, "en")}.pdf`;
      return new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="${fileName}"`,
          "Cache-Control": "no-store",
        },
      });
    } catch (error) {
      if (error instanceof PdfBusyError) return unavailableResponse(i18n.t("pdf.busy"));
      if (error instanceof PdfError) {
        console.error("pdf failed:", error.message);
        return redirect(`/meetings/${id}?pdfError=1`);
      }
      throw error;
    }
  });
}
