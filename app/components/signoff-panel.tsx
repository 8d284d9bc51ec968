import type { SerializeFrom } from "@remix-run/node";
import { useFetcher } from "@remix-run/react";
import type { SignoffView } from "../models/signoff.server";
import { formatCount } from "../utils/digits";
import { formatTimestamp } from "../utils/jalali";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

type Signoff = SerializeFrom<SignoffView>;
type Answer = { intent?: string; errors?: Record<string, string> };

/**
 * The sign-off of final minutes on the meeting page: who is asked and who has signed (with times and change
 * requests), «ارسال برای تأیید» for those who keep the minutes, and «تأیید صورتجلسه» / «درخواست اصلاح» for each person
 * present. A sign-off restarted by a correction says which edition it replaces.
 */
export function SignoffPanel({ meetingId, signoff, final }: { meetingId: number; signoff: Signoff; final: boolean }) {
  const { t } = useT();
  const lang = useLang();
  const request = useFetcher<Answer>();
  const confirm = useFetcher<Answer>();
  const change = useFetcher<Answer>();
  const action = `/meetings/${meetingId}/signoff`;
  const { round } = signoff;
  const error = (f: typeof request, field = "form") => f.data?.errors?.[field];
  return (
    <section id="signoff" className="card stack no-print" aria-labelledby="signoff-title">
      <h2 id="signoff-title">{t("signoff.title")}</h2>
      {!round ? (
        <>
          <p className="muted">{t("signoff.none")}</p>
          {signoff.canRequest && final ? (
            <request.Form method="post" action={action}>
              <input type="hidden" name="intent" value="request" />
              <button type="submit" className="button button--primary" disabled={request.state !== "idle"}>
                {t("signoff.request")}
              </button>
              {error(request) ? (
                <p className="field__error" role="alert">
                  {error(request)}
                </p>
              ) : null}
            </request.Form>
          ) : null}
        </>
      ) : (
        <>
          {signoff.afterCorrection ? (
            <p className="alert" role="note">
              {t(signoff.afterCorrection.wasSigned ? "signoff.restartedSigned" : "signoff.restarted", {
                edition: signoff.afterCorrection.edition,
                current: round.edition,
              })}
            </p>
          ) : null}
          <p>
            <span className={round.status === "signed" ? "badge badge--ok" : "badge badge--warn"}>
              {t(`signoff.status.${round.status}`)}
            </span>{" "}
            {t("signoff.progress", {
              signed: formatCount(round.signed, lang),
              asked: formatCount(round.asked, lang),
            })}{" "}
            · {t(`signoff.rules.${round.rule}`)}
            {round.signedAt ? ` · ${t("signoff.signedAt", { at: formatTimestamp(round.signedAt, lang) })}` : ""}
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("signoff.signers")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("signoff.signer")}</th>
                  <th scope="col">{t("signoff.answer")}</th>
                </tr>
              </thead>
              <tbody>
                {signoff.signers.map((s) => (
                  <tr key={s.personId}>
                    <td>
                      {s.name}
                      {s.position ? <div className="muted small">{s.position}</div> : null}
                    </td>
                    <td>
                      {s.signedAt ? (
                        <span className="badge badge--ok">
                          {t("signoff.confirmedAt", { at: formatTimestamp(s.signedAt, lang) })}
                        </span>
                      ) : (
                        <span className="badge">{t("signoff.waiting")}</span>
                      )}
                      {s.changes.map((c) => (
                        <div key={c.at} className="small">
                          {t("signoff.changeAsked", { at: formatTimestamp(c.at, lang) })}: «{c.comment}»
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {signoff.canAnswer && final ? (
            <div className="stack">
              <confirm.Form method="post" action={action}>
                <input type="hidden" name="intent" value="confirm" />
                <button type="submit" className="button button--primary" disabled={confirm.state !== "idle"}>
                  {t("signoff.confirm")}
                </button>
                {error(confirm) ? (
                  <p className="field__error" role="alert">
                    {error(confirm)}
                  </p>
                ) : null}
              </confirm.Form>
              <change.Form method="post" action={action} className="stack" aria-label={t("signoff.askChange")}>
                <input type="hidden" name="intent" value="change" />
                <div className="field">
                  <label htmlFor="signoff-comment">{t("signoff.comment")}</label>
                  <textarea
                    id="signoff-comment"
                    name="comment"
                    rows={3}
                    aria-invalid={error(change, "comment") ? true : undefined}
                    aria-describedby={error(change, "comment") ? "signoff-comment-error" : undefined}
                  />
                  {error(change, "comment") ? (
                    <p id="signoff-comment-error" className="field__error" role="alert">
                      {error(change, "comment")}
                    </p>
                  ) : null}
                </div>
                <div>
                  <button type="submit" className="button" disabled={change.state !== "idle"}>
                    {t("signoff.askChange")}
                  </button>
                </div>
              </change.Form>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
