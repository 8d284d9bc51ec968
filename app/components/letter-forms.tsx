import { useFetcher } from "@remix-run/react";
import { useId } from "react";
import { ISSUE_LETTER, ISSUE_LETTERS } from "../schemas/organisation";
import { formatPersonName, type PersonName } from "../utils/person-name";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

/** What a page gives its letter forms: who may sign (with the default) and whether the reader may issue. */
export type LetterIssuing = {
  signers: (PersonName & { id: number })[];
  defaultSignerId: number | null;
};
type Answer = { intent: string; ok: boolean; issued: number; errors: Record<string, string> | null };

function SignerSelect({ issuing, error }: { issuing: LetterIssuing; error?: string }) {
  const { t } = useT();
  const lang = useLang();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t("letters.signer")}</label>
      <select
        id={id}
        name="signerId"
        defaultValue={issuing.defaultSignerId ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t("membership.choosePerson")}</option>
        {issuing.signers.map((p) => (
          <option key={p.id} value={p.id}>
            {formatPersonName(p, lang)}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** «صدور حکم» of one membership, or «صدور دوباره» with its reason when it has a letter. */
export function IssueLetterForm({
  membershipId,
  name,
  hasLetter,
  issuing,
}: {
  membershipId: number;
  name: string;
  hasLetter: boolean;
  issuing: LetterIssuing;
}) {
  const { t } = useT();
  const fetcher = useFetcher<Answer>();
  const reasonId = useId();
  const errors = fetcher.data?.errors ?? {};
  const busy = fetcher.state !== "idle";
  const label = hasLetter ? t("letters.reissueFor", { name }) : t("letters.issueFor", { name });
  return (
    <details className="letter-issue">
      <summary className="button button--small" aria-label={label}>
        {hasLetter ? t("letters.reissue") : t("letters.issue")}
      </summary>
      <fetcher.Form method="post" className="stack details-body" aria-label={label}>
        <input type="hidden" name="intent" value={ISSUE_LETTER} />
        <input type="hidden" name="membershipId" value={membershipId} />
        <SignerSelect issuing={issuing} error={errors.signerId} />
        {hasLetter ? (
          <div className="field">
            <label htmlFor={reasonId}>{t("letters.reason")}</label>
            <input
              id={reasonId}
              name="reason"
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? `${reasonId}-error` : undefined}
            />
            {errors.reason ? (
              <p className="field__error" id={`${reasonId}-error`} role="alert">
                {errors.reason}
              </p>
            ) : null}
          </div>
        ) : null}
        {errors.form ? (
          <p className="alert alert--error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button type="submit" className="button button--primary button--small" disabled={busy} aria-busy={busy}>
          {hasLetter ? t("letters.reissue") : t("letters.issue")}
        </button>
      </fetcher.Form>
    </details>
  );
}

/** «صدور احکام همه اعضا»: the letters of every current member without one, one PDF each, in one go. */
export function IssueAllLettersForm({ issuing, pending }: { issuing: LetterIssuing; pending: number }) {
  const { t } = useT();
  const fetcher = useFetcher<Answer>();
  const errors = fetcher.data?.errors ?? {};
  const busy = fetcher.state !== "idle";
  const done = fetcher.state === "idle" && fetcher.data?.ok;
  return (
    <fetcher.Form method="post" className="stack" aria-label={t("letters.issueAll")}>
      <input type="hidden" name="intent" value={ISSUE_LETTERS} />
      <p className="muted">{pending > 0 ? t("letters.issueAllHint") : t("letters.noneToIssue")}</p>
      {pending > 0 ? (
        <div className="row">
          <SignerSelect issuing={issuing} error={errors.signerId} />
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            {t("letters.issueAll")}
          </button>
        </div>
      ) : null}
      {errors.form ? (
        <p className="alert alert--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {done ? (
        <p className="alert alert--ok" role="status">
          {fetcher.data!.issued > 0 ? t("letters.issued", { count: fetcher.data!.issued }) : t("letters.issuedNone")}
        </p>
      ) : null}
    </fetcher.Form>
  );
}
