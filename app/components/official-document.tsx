import type { ReactNode } from "react";
import type { Letterhead } from "../models/letterhead.server";
import { localDigits } from "../utils/digits";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export type DocumentRefs = {
  /** شماره: the document's number as the office writes it. */
  number: string | null;
  /** تاریخ: a Jalali date, written. */
  date: string | null;
  /** پیوست: what is attached, in words («دارد (۲ مستند)», «ندارد»). */
  attachments: string;
};
/** A signer; `signedAt` (written) when they confirmed the minutes in the app, printed in place of a blank line. */
export type Signer = { name: string; position: string; signedAt?: string | null };

/**
 * One print layout for every official document (minutes, reports, letters), as an Iranian office sends it: the
 * letterhead (emblem, «بسمه تعالی», the HQ's name), the شماره / تاریخ / پیوست block, a corrected edition's notice,
 * the body, and the signatures (those present for minutes; the signer for a report or a letter).
 */
export function OfficialDocument({
  letterhead,
  refs,
  editionNote,
  signers,
  signaturesTitle,
  signatureNote,
  children,
}: {
  letterhead: Letterhead;
  refs: DocumentRefs;
  editionNote?: string | null;
  signers: Signer[];
  signaturesTitle: string;
  /** Under the signatures: how the signed copy is verified (its code and where). */
  signatureNote?: string | null;
  children: ReactNode;
}) {
  const { t } = useT();
  const lang = useLang();
  return (
    <div className="official">
      <header className="official__head">
        <div className="official__emblem">
          {letterhead.emblem ? <img src={letterhead.emblem} alt={letterhead.orgName} /> : null}
        </div>
        <div className="official__org">
          {letterhead.bismillah ? <p className="official__bismillah">{t("letterhead.bismillah")}</p> : null}
          <p className="official__name">{letterhead.orgName}</p>
        </div>
        <dl className="official__refs">
          <div>
            <dt>{t("letterhead.number")}</dt>
            <dd>{refs.number ? localDigits(refs.number, lang) : "—"}</dd>
          </div>
          <div>
            <dt>{t("letterhead.date")}</dt>
            <dd>{refs.date ?? "—"}</dd>
          </div>
          <div>
            <dt>{t("letterhead.attachments")}</dt>
            <dd>{refs.attachments}</dd>
          </div>
        </dl>
      </header>
      {editionNote ? <p className="official__edition">{editionNote}</p> : null}
      <div className="official__body">{children}</div>
      {signers.length > 0 ? (
        <section className="official__signatures" aria-label={signaturesTitle}>
          <h2>{signaturesTitle}</h2>
          <ul>
            {signers.map((s) => (
              <li key={`${s.name}-${s.position}`}>
                <span className="official__signer">{s.name}</span>
                {s.position ? <span className="official__position">{s.position}</span> : null}
                {s.signedAt ? (
                  <span className="official__signed">{s.signedAt}</span>
                ) : (
                  <span className="official__line" aria-hidden="true" />
                )}
              </li>
            ))}
          </ul>
          {signatureNote ? <p className="official__verify">{signatureNote}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
