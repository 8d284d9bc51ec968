import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { TFunction } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { MinutesView, type MinutesViewData } from "../components/minutes-view";
import { OfficialDocument, type Signer } from "../components/official-document";
import { canReadMeeting, requireAllowed, requireScope } from "../models/access.server";
import { countDocuments } from "../models/documents.server";
import { getLetterhead } from "../models/letterhead.server";
import { getEdition, getMinutesView } from "../models/meetings.server";
import { positionsOf } from "../models/people.server";
import { keepSignedPdf, keptSignedPdf, roundOfEdition, signersOfRound } from "../models/signoff.server";
import { downloadName } from "../utils/download-name";
import { NotFoundError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { formatJalali, formatTimestamp, parseJalaliInput } from "../utils/jalali";
import { getLang, serverI18n } from "../utils/locale.server";
import { minutesDocumentTitle } from "../utils/meeting-title";
import { appStyles, PdfBusyError, PdfError, printPdf, unavailableResponse } from "../utils/pdf.server";
import { route } from "../utils/route.server";
import { verificationQr } from "../utils/verification.server";

/** Those present sign the minutes: members with their positions, a substitute on behalf of the member. */
function signersOf(view: MinutesViewData, t: TFunction): Signer[] {
  const present = view.doc.attendance.filter((a) => a.status === "present" || a.status === "represented");
  const positions = positionsOf(present.map((a) => a.personId));
  return present.map((a) => {
    const name = view.names.people[String(a.personId)] ?? a.name;
    return a.status === "represented"
      ? { name: a.substitute, position: t("minutes.onBehalfOf", { name }) }
      : { name, position: positions.get(a.personId) ?? "" };
  });
}

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
    const editionNumber = asked ? requireId(asked) : found.shownEdition;
    const view = asked ? getEdition(scope, id, editionNumber ?? 0) : found.view;
    if (!view) throw new NotFoundError();
    const lang = await getLang(request);
    const i18n = serverI18n(lang);
    const t = i18n.t;
    const edition = found.editions.find((e) => e.edition === editionNumber);
    const date = parseJalaliInput(view.doc.date);
    const when = date.ok ? formatJalali(date.iso, "en").replaceAll("/", "-") : "";
    const suffix = editionNumber && editionNumber > 1 ? ` ${t("minutes.edition", { edition: editionNumber })}` : "";
    const title = minutesDocumentTitle(t, view);
    const answer = (pdf: Uint8Array) =>
      new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": downloadName(`${title}${suffix} ${when}.pdf`, `minutes-${id}-${when}.pdf`),
          "Cache-Control": "no-store",
        },
      });
    // Signed minutes: the PDF printed after the last signature, byte for byte, so it verifies by its hash.
    const round = editionNumber ? roundOfEdition(id, editionNumber) : undefined;
    const signed = round?.status === "signed" ? round : null;
    const kept = signed ? keptSignedPdf(signed.id) : null;
    if (kept) return answer(kept);
    const qr = signed ? await verificationQr(request, signed.code) : null;
    const documents = countDocuments({ entity: "meeting", entityId: id });
    const body = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <OfficialDocument
          letterhead={getLetterhead()}
          refs={{
            number: t("letterhead.minutesNumber", { body: found.body.code || found.body.name, number: view.number }),
            date: date.ok ? formatJalali(date.iso, lang) : null,
            attachments: documents > 0 ? t("letterhead.has", { count: documents }) : t("letterhead.none"),
          }}
          editionNote={
            edition && edition.edition > 1 && edition.reason
              ? t("letterhead.edition", { edition: edition.edition, reason: edition.reason })
              : null
          }
          signers={
            signed
              ? signersOfRound(signed.id).map((s) => ({
                  name: s.name,
                  position: s.position,
                  signedAt: s.signedAt ? t("signoff.pdfConfirmed", { at: formatTimestamp(s.signedAt, lang) }) : null,
                }))
              : signersOf(view, t)
          }
          signaturesTitle={t("letterhead.signaturesMinutes")}
          signatureNote={
            signed && qr
              ? t("signoff.pdfNote", {
                  at: formatTimestamp(signed.signedAt, lang),
                  hash: signed.snapshotSha256,
                  url: qr.url,
                })
              : null
          }
        >
          <MinutesView data={view} />
        </OfficialDocument>
      </I18nextProvider>,
    );
    try {
      const pdf = await printPdf(body, {
        lang,
        title,
        header: title,
        footer: t("pdf.footer"),
        css: appStyles("minutes.css") + appStyles("print.css"),
        pageMark: qr?.dataUrl,
      });
      return answer(signed ? keepSignedPdf(signed.id, pdf) : pdf);
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
