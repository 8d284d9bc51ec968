import { Form, Link } from "@remix-run/react";
import { END_MEMBERSHIP } from "../schemas/organisation";
import { localDigits } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { formatPersonName, type PersonName } from "../utils/person-name";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";
import { IssueLetterForm, type LetterIssuing } from "./letter-forms";

type Member = PersonName & {
  membershipId: number;
  personId: number;
  role: "chair" | "secretary" | "member";
  startDate: string | null;
  endDate: string | null;
  letterNumber: string;
  letterDate: string | null;
  organisation: string;
  current: boolean;
};

/** An issued letter the reader may download (the membership's document). */
type LetterLink = { number: string; documentId: number };

/**
 * Members of a body or a group: role, term and appointment letter (with its PDF for those who may read it), with
 * "end membership" and «صدور حکم» for those who may.
 */
export function MembersTable({
  members,
  canEdit,
  caption,
  letters = {},
  issuing = null,
}: {
  members: Member[];
  canEdit: boolean;
  caption: string;
  letters?: Record<number, LetterLink>;
  issuing?: LetterIssuing | null;
}) {
  const { t } = useT();
  const lang = useLang();
  if (members.length === 0) return <p className="muted">{t("bodies.noMembers")}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("people.name")}</th>
            <th scope="col">{t("membership.role")}</th>
            <th scope="col">{t("people.organisation")}</th>
            <th scope="col">{t("membership.term")}</th>
            <th scope="col">{t("membership.letter")}</th>
            {canEdit ? (
              <th scope="col" className="visually-hidden">
                {t("membership.end")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const name = formatPersonName(m, lang);
            return (
              <tr key={m.membershipId}>
                <td>
                  <Link to={`/people/${m.personId}`}>{name}</Link>
                </td>
                <td>{t(`membershipRoles.${m.role}`)}</td>
                <td>{m.organisation}</td>
                <td className="nowrap">
                  {m.startDate ? t("membership.since", { date: formatJalali(m.startDate, lang) }) : null}{" "}
                  {m.endDate ? t("membership.until", { date: formatJalali(m.endDate, lang) }) : null}
                </td>
                <td>
                  {m.letterNumber ? <span dir="auto">{localDigits(m.letterNumber, lang)}</span> : null}{" "}
                  {m.letterDate ? formatJalali(m.letterDate, lang) : null}
                  {letters[m.membershipId] ? (
                    <>
                      {" "}
                      <a href={`/documents/${letters[m.membershipId].documentId}`} download>
                        {t("letters.download", { number: localDigits(letters[m.membershipId].number, lang) })}
                      </a>
                    </>
                  ) : null}
                  {issuing && m.current ? (
                    <IssueLetterForm
                      // Issued, the form closes; «صدور دوباره» opens a fresh one.
                      key={m.letterNumber ? "again" : "first"}
                      membershipId={m.membershipId}
                      name={name}
                      hasLetter={Boolean(m.letterNumber)}
                      issuing={issuing}
                    />
                  ) : null}
                </td>
                {canEdit ? (
                  <td>
                    {m.current ? (
                      <Form
                        method="post"
                        onSubmit={(e) => {
                          if (!window.confirm(t("membership.endConfirm", { name }))) e.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value={END_MEMBERSHIP} />
                        <input type="hidden" name="membershipId" value={m.membershipId} />
                        <button
                          type="submit"
                          className="button button--small button--danger"
                          aria-label={`${t("membership.end")}: ${name}`}
                        >
                          {t("membership.end")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
