import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { canVerifyMinutes, requireAllowed, requireScope } from "../models/access.server";
import { roundByCode, verifyPdf } from "../models/signoff.server";
import { formatJalali, formatTimestamp } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { meetingTitle } from "../utils/meeting-title";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.verify");

const MAX_PDF_BYTES = 30 * 1024 * 1024;

/** «سنجش صورتجلسه»: the signed minutes a QR code names (`?code=`), and a form that checks an uploaded PDF. */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canVerifyMinutes(scope), scope);
    const code = (new URL(request.url).searchParams.get("code") ?? "").slice(0, 64);
    const round = code ? roundByCode(scope, code) : null;
    return json({
      code,
      round: round
        ? {
            signedAt: round.signedAt,
            edition: round.edition,
            superseded: round.status === "superseded",
            // The meeting and its signers only to those who read its minutes.
            meeting: round.canRead
              ? { id: round.meetingId, number: round.number, bodyName: round.bodyName, date: round.date }
              : null,
            signers: round.canRead ? round.signers : [],
          }
        : null,
    });
  });
}

/** Compares the uploaded file's SHA-256 with the signed PDFs kept here. */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request }: ActionFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canVerifyMinutes(scope), scope);
    const { t } = await getFixedT(request);
    const length = Number(request.headers.get("content-length") ?? Number.NaN);
    if (!(length <= MAX_PDF_BYTES)) return json({ error: t("verify.errors.size"), result: null }, { status: 400 });
    const file = (await request.formData()).get("pdf");
    if (!file || typeof file === "string" || file.size === 0)
      return json({ error: t("verify.errors.file"), result: null }, { status: 400 });
    const result = verifyPdf(scope, new Uint8Array(await file.arrayBuffer()));
    return json({
      error: null,
      result:
        result.status === "unknown"
          ? { status: result.status, sha256: result.sha256, meetingId: null, edition: null, signedAt: null }
          : {
              status: result.status,
              sha256: result.sha256,
              meetingId: result.canRead ? result.meetingId : null,
              edition: result.edition,
              signedAt: result.signedAt,
            },
    });
  });
}

export default function VerifyPage() {
  const { code, round } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const lang = useLang();
  const result = answer?.result;
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>{t("verify.title")}</h1>
          <p className="muted">{t("verify.intro")}</p>
        </div>
      </header>
      {code ? (
        <section className="card stack" aria-labelledby="verify-round">
          <h2 id="verify-round">{t("verify.named")}</h2>
          {round ? (
            <>
              {round.meeting ? (
                <p>
                  <Link to={`/meetings/${round.meeting.id}`}>
                    {meetingTitle(t, { number: round.meeting.number, bodyName: round.meeting.bodyName })}
                  </Link>
                  {round.meeting.date ? ` · ${formatJalali(round.meeting.date, lang)}` : ""}
                </p>
              ) : null}
              <p>
                {t("verify.signedOn", { edition: round.edition, at: formatTimestamp(round.signedAt, lang) })}
                {round.signers.length
                  ? ` · ${t("verify.signersCount", { count: round.signers.filter((s) => s.signedAt).length })}`
                  : ""}
              </p>
              {round.superseded ? <p className="alert alert--error">{t("verify.supersededRound")}</p> : null}
              {round.signers.length ? (
                <ul className="plain-list">
                  {round.signers.map((s) => (
                    <li key={`${s.name}-${s.position}`}>
                      <strong>{s.name}</strong>
                      {s.position ? ` · ${s.position}` : ""} ·{" "}
                      {s.signedAt
                        ? t("signoff.confirmedAt", { at: formatTimestamp(s.signedAt, lang) })
                        : t("signoff.waiting")}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : (
            <p className="alert alert--error">{t("verify.unknownCode")}</p>
          )}
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card stack" aria-label={t("verify.check")}>
        <div className="field">
          <label htmlFor="verify-pdf">{t("verify.file")}</label>
          <input
            id="verify-pdf"
            name="pdf"
            type="file"
            accept="application/pdf,.pdf"
            required
            aria-invalid={answer?.error ? true : undefined}
            aria-describedby={answer?.error ? "verify-pdf-error" : undefined}
          />
          {answer?.error ? (
            <p id="verify-pdf-error" className="field__error" role="alert">
              {answer.error}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={navigation.state !== "idle"}>
            {t("verify.check")}
          </button>
        </div>
      </Form>
      {result ? (
        <section
          className={result.status === "signed" ? "alert alert--ok" : "alert alert--error"}
          role="status"
          aria-labelledby="verify-result"
        >
          <h2 id="verify-result">{t(`verify.result.${result.status}`)}</h2>
          {result.signedAt ? (
            <p>{t("verify.signedOn", { edition: result.edition, at: formatTimestamp(result.signedAt, lang) })}</p>
          ) : null}
          {result.meetingId ? (
            <p>
              <Link to={`/meetings/${result.meetingId}`}>{t("verify.open")}</Link>
            </p>
          ) : null}
          <p className="small">{t("verify.hash", { hash: result.sha256 })}</p>
        </section>
      ) : null}
    </div>
  );
}
