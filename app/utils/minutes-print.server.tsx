/**
 * The minutes as a PDF in the official layout, printed by Chromium from the same component as the page: for the PDF
 * route and for the copy attached to the assignment mail. Signed minutes: the PDF printed after the last signature,
 * byte for byte, so it verifies by its hash.
 */
import type { TFunction } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { MinutesView, type MinutesViewData } from "../components/minutes-view";
import { OfficialDocument, type Signer } from "../components/official-document";
import type { Scope } from "../models/access.server";
import { countDocuments } from "../models/documents.server";
import { getLetterhead } from "../models/letterhead.server";
import { getEdition, getMinutesView } from "../models/meetings.server";
import { positionsOf } from "../models/people.server";
import { keepSignedPdf, keptSignedPdf, roundOfEdition, signersOfRound } from "../models/signoff.server";
import type { Lang } from "./digits";
import { formatJalali, formatTimestamp, parseJalaliInput } from "./jalali";
import { serverI18n } from "./locale.server";
import { minutesDocumentTitle } from "./meeting-title";
import { appStyles, printPdf } from "./pdf.server";
import { verificationQr } from "./verification.server";

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

export type MinutesPdf = { pdf: Uint8Array; title: string; suffix: string; when: string };

/**
 * The PDF of a meeting's minutes (the shown edition, or `editionNumber`) as `scope` reads it; null when there is no
 * such minutes. `request` gives the verification link's origin when APP_URL is not set. Throws PdfError/PdfBusyError.
 */
export async function printMinutes(
  scope: Scope,
  id: number,
  lang: Lang,
  { editionNumber: asked, request }: { editionNumber?: number; request: Request },
): Promise<MinutesPdf | null> {
  const found = getMinutesView(scope, id);
  if (!found) return null;
  const editionNumber = asked ?? found.shownEdition;
  const view = asked ? getEdition(scope, id, editionNumber ?? 0) : found.view;
  if (!view) return null;
  const i18n = serverI18n(lang);
  const t = i18n.t;
  const edition = found.editions.find((e) => e.edition === editionNumber);
  const date = parseJalaliInput(view.doc.date);
  const when = date.ok ? formatJalali(date.iso, "en").replaceAll("/", "-") : "";
  const suffix = editionNumber && editionNumber > 1 ? ` ${t("minutes.edition", { edition: editionNumber })}` : "";
  const title = minutesDocumentTitle(t, view);
  // Signed minutes: the PDF printed after the last signature, byte for byte, so it verifies by its hash.
  const round = editionNumber ? roundOfEdition(id, editionNumber) : undefined;
  const signed = round?.status === "signed" ? round : null;
  const kept = signed ? keptSignedPdf(signed.id) : null;
  if (kept) return { pdf: kept, title, suffix, when };
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
  const pdf = await printPdf(body, {
    lang,
    title,
    header: title,
    footer: t("pdf.footer"),
    css: appStyles("minutes.css") + appStyles("print.css"),
    pageMark: qr?.dataUrl,
  });
  return { pdf: signed ? keepSignedPdf(signed.id, pdf) : pdf, title, suffix, when };
}
