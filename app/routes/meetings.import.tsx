import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useTimeframeText } from "../components/minutes-view";
import { canEditMinutesOf, requireAllowed, requireScope } from "../models/access.server";
import { listBodies } from "../models/bodies.server";
import { UploadRefused } from "../models/documents.server";
import {
  createImportedDrafts,
  type ImportAnswers,
  type ImportProposal,
  ImportRefused,
  proposedNumbers,
  readImportFiles,
  sameDayMeeting,
} from "../models/meeting-import.server";
import { formatCount, localDigits, toAsciiDigits } from "../utils/digits";
import { ValidationError } from "../utils/errors";
import { parseJalaliInput } from "../utils/jalali";
import { DOCUMENT_LIMITS } from "../utils/limits";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.meetingImport");

function editableBodies(scope: Parameters<typeof canEditMinutesOf>[0]) {
  return listBodies()
    .filter((b) => b.active && canEditMinutesOf(scope, b.id))
    .map((b) => ({ id: b.id, name: b.name }));
}

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const bodies = editableBodies(scope);
    requireAllowed(bodies.length > 0, scope);
    return json({ bodies });
  });
}

const intentSchema = z.enum(["read", "create"]);
const optionalNumber = (v: FormDataEntryValue | null) => {
  const n = Number(toAsciiDigits(String(v ?? "")).trim());
  return Number.isInteger(n) && n > 0 ? n : null;
};

type FileReview = {
  name: string;
  proposal: ImportProposal;
  number: number | null;
  numberTaken: number | null;
  /** The body's meeting already held on the file's day: most likely these minutes, imported or typed before. */
  sameDay: { id: number; number: number } | null;
};

/**
 * Reads the uploaded Word files into proposals for review (`read`), or creates the drafts the person confirmed
 * (`create`: the same files again, with each file's body, number and dates). Nothing is written until `create`.
 */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const bodies = editableBodies(scope);
    requireAllowed(bodies.length > 0, scope);
    const { t } = await getFixedT(request);
    const refuse = (message: string) => json({ files: null, errors: { files: message } }, { status: 400 });
    const length = Number(request.headers.get("content-length") ?? Number.NaN);
    if (!(length <= DOCUMENT_LIMITS.requestBytes)) return refuse(t("documents.errors.request"));
    const form = await request.formData();
    const intent = intentSchema.safeParse(form.get("intent"));
    if (!intent.success) throw new ValidationError();
    const uploads = await Promise.all(
      form
        .getAll("files")
        .filter((f): f is File => typeof f !== "string" && f.size > 0)
        .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    let read: Awaited<ReturnType<typeof readImportFiles>>;
    try {
      read = await readImportFiles(uploads);
    } catch (error) {
      if (error instanceof UploadRefused)
        return refuse(
          error.reason === "type"
            ? t("import.errors.notWord", { name: error.fileName })
            : t(`documents.errors.${error.reason}`, { name: error.fileName }),
        );
      throw error;
    }
    const numbers = proposedNumbers(read);
    const reviews: FileReview[] = read.map((r, i) => {
      const { bodyId } = r.proposal;
      const { number, numberTaken } = numbers[i];
      if (!bodyId) return { name: r.name, proposal: r.proposal, number, numberTaken, sameDay: null };
      const day = parseJalaliInput(r.proposal.date?.value ?? "");
      const sameDay = day.ok ? sameDayMeeting(bodyId, day.iso) : null;
      return { name: r.name, proposal: r.proposal, number, numberTaken, sameDay };
    });
    if (intent.data === "read") return json({ files: reviews, errors: {} as Record<string, string> });
    const answers: ImportAnswers[] = read.map((_, i) => ({
      bodyId: optionalNumber(form.get(`bodyId.${i}`)),
      number: optionalNumber(form.get(`number.${i}`)),
      date: String(form.get(`date.${i}`) ?? "").trim(),
      nextDate: String(form.get(`nextDate.${i}`) ?? "").trim(),
      allowSameDay: form.get(`allowSameDay.${i}`) === "on",
    }));
    try {
      const ids = createImportedDrafts(actor, scope, read, answers);
      const firstBody = answers[0]?.bodyId;
      return redirect(
        ids.length === 1 ? `/meetings/${ids[0]}/edit` : `/meetings?imported=${ids.length}&body=${firstBody ?? ""}`,
      );
    } catch (error) {
      if (error instanceof ImportRefused) {
        const errors = Object.fromEntries(Object.entries(error.errors).map(([k, v]) => [k, t(v)]));
        return json({ files: reviews, errors }, { status: 400 });
      }
      if (error instanceof RuleViolation) return refuse(t(`rules.${error.code}`));
      throw error;
    }
  });
}

export default function ImportMeetings() {
  const { bodies } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const busy = navigation.state !== "idle";
  const errors: Record<string, string> = data?.errors ?? {};
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("import.title")}</h1>
        <Link to="/meetings">{t("import.back")}</Link>
      </header>
      <p className="muted">{t("import.intro")}</p>
      <Form method="post" encType="multipart/form-data" className="stack" aria-label={t("import.title")}>
        <div className="card stack">
          <label className="field">
            <span>{t("import.files")}</span>
            <input
              type="file"
              name="files"
              multiple
              required
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={errors.files ? "files-error" : undefined}
              aria-invalid={errors.files ? true : undefined}
            />
            <span className="field__hint">{t("import.filesHint")}</span>
            {errors.files ? (
              <span id="files-error" className="field__error" role="alert">
                {errors.files}
              </span>
            ) : null}
          </label>
          <div className="row">
            <button type="submit" name="intent" value="read" className="button" disabled={busy}>
              {t("import.read")}
            </button>
          </div>
        </div>
        {data?.files?.length ? (
          <>
            <p aria-live="polite">{t("import.readCount", { count: data.files.length })}</p>
            {data.files.map((f, i) => (
              <FileReviewCard key={`${f.name}-${i}`} index={i} review={f} bodies={bodies} errors={errors} />
            ))}
            <div className="row">
              <button type="submit" name="intent" value="create" className="button button--primary" disabled={busy}>
                {t("import.create", { count: data.files.length })}
              </button>
            </div>
          </>
        ) : null}
      </Form>
    </div>
  );
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span id={id} className="field__error" role="alert">
      {message}
    </span>
  );
}

function Flag({ flag }: { flag?: string }) {
  const { t } = useT();
  if (!flag) return null;
  return <span className="chip chip--flagged">⚠ {t(flag)}</span>;
}

function FileReviewCard({
  index: i,
  review,
  bodies,
  errors,
}: {
  index: number;
  review: FileReview;
  bodies: { id: number; name: string }[];
  errors: Record<string, string>;
}) {
  const { t } = useT();
  const lang = useLang();
  const timeframeText = useTimeframeText();
  const p = review.proposal;
  const flagged = Object.keys(p.flags).length;
  return (
    <section className="card stack import-file" aria-labelledby={`file-${i}`}>
      <h2 id={`file-${i}`}>{review.name}</h2>
      <p className={flagged ? "alert alert--warn" : "muted"}>
        {flagged ? t("import.flagged", { count: flagged }) : t("import.noFlags")}
      </p>
      <div className="import-review">
        <div className="stack">
          <div className="row">
            <label className="field">
              <span>{t("import.body")}</span>
              <select
                name={`bodyId.${i}`}
                defaultValue={p.bodyId ?? ""}
                aria-invalid={errors[`${i}.bodyId`] ? true : undefined}
                aria-describedby={`body-error-${i}`}
              >
                <option value="">{t("minutes.chooseBody")}</option>
                {bodies.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
              {p.bodyText ? <span className="field__hint">{t("import.asWritten", { text: p.bodyText })}</span> : null}
              <Flag flag={p.flags.bodyId} />
              <FieldError id={`body-error-${i}`} message={errors[`${i}.bodyId`]} />
            </label>
            <label className="field">
              <span>{t("import.number")}</span>
              <input
                name={`number.${i}`}
                inputMode="numeric"
                defaultValue={review.number !== null ? localDigits(review.number, lang) : ""}
                aria-invalid={errors[`${i}.number`] ? true : undefined}
                aria-describedby={`number-error-${i}`}
                size={6}
              />
              {review.numberTaken !== null ? (
                <span className="chip chip--flagged">
                  ⚠ {t("import.numberTaken", { number: localDigits(review.numberTaken, lang) })}
                </span>
              ) : (
                <Flag flag={p.flags.number} />
              )}
              <FieldError id={`number-error-${i}`} message={errors[`${i}.number`]} />
            </label>
          </div>
          {review.sameDay ? (
            <div className="alert alert--warn stack" id={`same-day-${i}`}>
              <p>
                ⚠{" "}
                <Link to={`/meetings/${review.sameDay.id}`}>
                  {t("import.sameDay", { number: localDigits(review.sameDay.number, lang) })}
                </Link>
              </p>
              <label>
                <input
                  type="checkbox"
                  name={`allowSameDay.${i}`}
                  aria-invalid={errors[`${i}.sameDay`] ? true : undefined}
                  aria-describedby={`same-day-error-${i}`}
                />{" "}
                {t("import.allowSameDay")}
              </label>
              <FieldError id={`same-day-error-${i}`} message={errors[`${i}.sameDay`]} />
            </div>
          ) : null}
          <DateField
            name={`date.${i}`}
            label={t("import.date")}
            date={p.date}
            flag={p.flags.date}
            error={errors[`${i}.date`]}
          />
          <dl className="import-facts">
            <dt>{t("import.time")}</dt>
            <dd>{p.startTime ? localDigits([p.startTime, p.endTime].filter(Boolean).join(" – "), lang) : "—"}</dd>
            <dt>{t("import.place")}</dt>
            <dd>{p.place || "—"}</dd>
          </dl>
          <h3>{t("import.agenda", { count: p.agenda.length })}</h3>
          <Flag flag={p.flags.agenda} />
          <ol>
            {p.agenda.map((a) => (
              <li key={a.key}>{a.title}</li>
            ))}
          </ol>
          {p.reports.length ? (
            <>
              <h3>{t("import.reports", { count: p.reports.length })}</h3>
              <ul>
                {p.reports.map((r, j) => (
                  <li key={r.key}>
                    {r.title} <Flag flag={p.flags[`reports.${j}.bodyId`]} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>{t("import.resolutions", { count: p.resolutions.length })}</h3>
          {p.resolutions.length ? (
            <div className="table-wrap">
              <table className="table table--compact">
                <caption className="visually-hidden">{t("import.resolutionsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t("minutes.subject")}</th>
                    <th scope="col">{t("minutes.owners")}</th>
                    <th scope="col">{t("minutes.timeframe")}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.resolutions.map((r, j) => (
                    <tr key={r.key}>
                      <td>{formatCount(r.number ?? j + 1, lang)}</td>
                      <td>{r.subject.length > 100 ? `${r.subject.slice(0, 100)}…` : r.subject}</td>
                      <td>
                        {r.owners.map((o, k) => (
                          <span key={k} className={o.kind === "unmatched" ? "chip chip--flagged" : "chip"}>
                            {o.kind === "unmatched" ? `⚠ ${o.label}` : o.label}
                          </span>
                        ))}
                      </td>
                      <td>
                        {p.flags[`resolutions.${j}.timeframe`] ? (
                          <span className="chip chip--flagged">⚠ {r.timeframeText || "—"}</span>
                        ) : (
                          timeframeText(r)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <h3>{t("import.attendance", { count: p.attendance.length })}</h3>
          {p.attendance.length ? (
            <div className="table-wrap">
              <table className="table table--compact">
                <caption className="visually-hidden">{t("import.attendanceCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("import.name")}</th>
                    <th scope="col">{t("import.substitute")}</th>
                    <th scope="col">{t("import.time")}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.attendance.map((a, j) => (
                    <tr key={j}>
                      <td>
                        {p.flags[`attendance.${j}`] ? (
                          <span className="chip chip--flagged" title={t(p.flags[`attendance.${j}`])}>
                            ⚠ {a.name}
                          </span>
                        ) : (
                          a.name
                        )}
                      </td>
                      <td>{a.substitute || "—"}</td>
                      <td>{a.time || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {p.guests.length ? (
            <>
              <h3>{t("import.guests", { count: p.guests.length })}</h3>
              <p>{p.guests.map((g) => g.name).join(t("common.listSeparator"))}</p>
            </>
          ) : null}
          {p.nextAgenda.length || p.nextDate ? (
            <>
              <h3>{t("import.next")}</h3>
              <ol>
                {p.nextAgenda.map((a, j) => (
                  <li key={j}>{a}</li>
                ))}
              </ol>
              {p.nextDate ? (
                <DateField
                  name={`nextDate.${i}`}
                  label={t("import.nextDate")}
                  date={p.nextDate}
                  flag={p.flags.nextDate}
                  error={errors[`${i}.nextDate`]}
                />
              ) : null}
            </>
          ) : null}
          {p.other.length ? (
            <>
              <h3>{t("import.other")}</h3>
              <p className="field__hint">{t("import.otherHint")}</p>
              <ul className="import-other">
                {p.other.map((o, j) => (
                  <li key={j} className="pre-line">
                    {o}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <details className="import-original" open>
          <summary>{t("import.original")}</summary>
          <ol className="import-original__text">
            {p.original.map((line, j) => (
              <li key={j} className="pre-line">
                {line}
              </li>
            ))}
          </ol>
        </details>
      </div>
    </section>
  );
}

/** A date from the file: as read (editable), or — for a two-digit year — a choice of century with none chosen. */
function DateField({
  name,
  label,
  date,
  flag,
  error,
}: {
  name: string;
  label: string;
  date: ImportProposal["date"];
  flag?: string;
  error?: string;
}) {
  const { t } = useT();
  const lang = useLang();
  const errorId = `${name}-error`;
  if (date?.choices.length) {
    return (
      <fieldset className="field" aria-describedby={errorId}>
        <legend>
          {label}: {t("import.twoDigitYear", { text: date.text })}
        </legend>
        <div className="row">
          {date.choices.map((choice) => (
            <label key={choice}>
              <input type="radio" name={name} value={choice} /> {localDigits(choice, lang)}
            </label>
          ))}
        </div>
        <FieldError id={errorId} message={error} />
      </fieldset>
    );
  }
  return (
    <label className="field">
      <span>{label}</span>
      <input
        name={name}
        defaultValue={date?.value ? localDigits(date.value, lang) : ""}
        placeholder={t("import.datePlaceholder")}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        size={12}
      />
      {date?.text && !date.value ? (
        <span className="field__hint">{t("import.asWritten", { text: date.text })}</span>
      ) : null}
      <Flag flag={flag} />
      <FieldError id={errorId} message={error} />
    </label>
  );
}
