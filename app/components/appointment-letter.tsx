import type { BodyKind, MembershipRole } from "../../db/enums";
import type { Letterhead } from "../models/letterhead.server";
import { formatJalali } from "../utils/jalali";
import { formatPersonName, type PersonName } from "../utils/person-name";
import { useT } from "../utils/use-t";
import { OfficialDocument } from "./official-document";

/** What one appointment letter (حکم) says; printed in Persian, as the office sends it. */
export type AppointmentLetterData = {
  number: string;
  /** The letter's date (ISO). */
  date: string;
  recipient: PersonName & { position: string; organisation: string };
  role: MembershipRole;
  appointedTo: {
    kind: BodyKind | "working_group";
    name: string;
    /** The committee a working group works under. */
    committee: string | null;
    duties: string;
  };
  startDate: string | null;
  endDate: string | null;
  signer: { name: string; position: string };
};

/**
 * The appointment letter template: the official layout (letterhead, شماره / تاریخ / پیوست, the signer), the
 * recipient («جناب آقای دکتر …» / «سرکار خانم …»), and «به موجب … به سمت «عضو» کمیته … منصوب می‌شوید» with the term.
 */
export function AppointmentLetter({ letter, letterhead }: { letter: AppointmentLetterData; letterhead: Letterhead }) {
  const { t } = useT();
  const r = letter.recipient;
  const where = letter.appointedTo.committee
    ? t("letters.groupOf", { group: letter.appointedTo.name, committee: letter.appointedTo.committee })
    : letter.appointedTo.name;
  const term =
    letter.startDate && letter.endDate
      ? t("letters.termBetween", {
          start: formatJalali(letter.startDate, "fa"),
          end: formatJalali(letter.endDate, "fa"),
        })
      : letter.startDate
        ? t("letters.termFrom", { start: formatJalali(letter.startDate, "fa") })
        : t("letters.termOpen");
  return (
    <OfficialDocument
      letterhead={letterhead}
      refs={{ number: letter.number, date: formatJalali(letter.date, "fa"), attachments: t("letterhead.none") }}
      signers={[letter.signer]}
      signaturesTitle={t("letters.signature")}
    >
      <article className="letter">
        <p className="letter__to">
          {t(`letters.salutation.${r.honorific}`, { name: formatPersonName(r, "fa") })}
          {r.position ? <span className="letter__to-position">{r.position}</span> : null}
        </p>
        <h1 className="letter__subject">
          {t("letters.subjectLabel")}: {t("letters.subject", { where })}
        </h1>
        <p className="letter__greeting">{t("letters.greeting")}</p>
        <p className="letter__text">
          {t("letters.text", {
            authority: letterhead.orgName,
            you: t(`letters.you.${r.honorific}`),
            role: t(`letters.roles.${letter.role}`),
            where,
            term,
          })}
        </p>
        {letter.appointedTo.duties ? (
          <p className="letter__text">
            {t(`letters.duties.${letter.appointedTo.kind}`)}: {letter.appointedTo.duties}
          </p>
        ) : null}
        <p className="letter__text">{t("letters.closing")}</p>
      </article>
    </OfficialDocument>
  );
}
