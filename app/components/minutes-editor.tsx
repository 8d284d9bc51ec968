import { Link, useBlocker, useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Controller, type UseFormReturn, useFieldArray, useForm, useWatch } from "react-hook-form";
import { ATTENDANCE_CHOICES, type MinutesDoc, TIMEFRAME_CHOICES } from "../schemas/minutes";
import { formatPercent, formatPlain } from "../utils/digits";
import { formatJalali, formatTimestamp, parseJalaliInput } from "../utils/jalali";
import { matchOwner, type OwnerCandidate } from "../utils/owner-match";
import { computeDeadline, timeframeOfDraft } from "../utils/timeframe";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";
import { useTimeframeText } from "./minutes-view";
import { type OwnerOptions, OwnerPicker } from "./owner-picker";
import { PasteResolutions } from "./paste-resolutions";
import { JalaliDateController } from "./ui/jalali-date-field";
import { readBackup, useDraftSaver } from "./use-draft-saver";

export type EditorProps = {
  meetingId: number;
  number: number;
  bodyName: string;
  status: "draft" | "final" | "correcting";
  edition: number;
  version: number;
  doc: MinutesDoc;
  owners: OwnerOptions;
  committees: { id: number; name: string }[];
  people: { id: number; name: string }[];
  calendar: { weekendDays: number[]; holidays: string[] };
  followUps: {
    id: number;
    number: number;
    meetingNumber: number;
    subject: string;
    status: string;
    dueDate: string | null;
    lastNote: string | null;
    lastPercent: number | null;
  }[];
};

type Form = UseFormReturn<MinutesDoc>;
const newKey = () => crypto.randomUUID();

/** The minutes editor: fast with the keyboard, saved to the server as you type, never losing what was typed. */
export function MinutesEditor(props: EditorProps) {
  const { t } = useT();
  const lang = useLang();
  const form = useForm<MinutesDoc>({ defaultValues: props.doc });
  const doc = useWatch({ control: form.control }) as MinutesDoc;
  const saver = useDraftSaver(props.meetingId, props.version, JSON.stringify(props.doc));
  const [restored, setRestored] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const finaliser = useFetcher<{ errors?: Record<string, string>; message?: string }>();
  const [reason, setReason] = useState("");
  const current = useCallback(() => form.getValues(), [form]);

  // Text typed but not saved before (a crash, a closed tab, an expired session) comes back from this browser.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening the editor
  useEffect(() => {
    const backup = readBackup(props.meetingId);
    if (backup && backup.version === props.version && JSON.stringify(backup.doc) !== JSON.stringify(props.doc)) {
      form.reset(backup.doc, { keepDefaultValues: true });
      setRestored(true);
    }
  }, []);

  const json = JSON.stringify(doc);
  const dirty = saver.isDirty(doc);
  // Every change is copied to this browser at once and saved to the server after a short pause.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the document's text
  useEffect(() => {
    saver.backup(current());
    const blocked = ["conflict", "expired"].includes(saver.state.kind);
    if (!dirty || blocked) return;
    const timer = setTimeout(() => void saver.save(current()), 2500);
    return () => clearTimeout(timer);
  }, [json]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (saver.isDirty(current())) {
        e.preventDefault();
        e.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saver, current]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(t("minutes.leaveConfirm"))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saver.save(current());
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [saver, current]);

  useEffect(() => {
    if (finaliser.data?.errors) setErrors(finaliser.data.errors);
  }, [finaliser.data]);

  const finalise = async () => {
    if (!window.confirm(t("minutes.finaliseConfirm"))) return;
    if (!(await saver.save(current()))) return;
    finaliser.submit({ intent: "finalise", version: String(saver.version.current), reason }, { method: "post" });
  };

  const err = (path: string) => (errors[path] ? t(errors[path]) : undefined);
  const errorCount = Object.keys(errors).length;
  const candidates = useMemo(
    () => [...props.owners.bodies, ...props.owners.groups, ...props.owners.people],
    [props.owners],
  );

  return (
    <form
      className="minutes-editor stack"
      onSubmit={(e) => {
        e.preventDefault();
        void saver.save(current());
      }}
      noValidate
    >
      <SaveBar
        state={saver.state}
        dirty={dirty}
        busy={finaliser.state !== "idle"}
        onOverwrite={() => void saver.overwrite(current())}
        onFinalise={finalise}
        meetingId={props.meetingId}
        correcting={props.status === "correcting"}
      />
      {restored ? <p className="alert alert--ok">{t("minutes.restored")}</p> : null}
      {errorCount > 0 || finaliser.data?.message ? (
        <p className="alert alert--error" role="alert">
          {finaliser.data?.message ?? t("minutes.notReady", { count: errorCount })}
        </p>
      ) : null}
      {props.status === "correcting" ? (
        <div className="card field">
          <label htmlFor="reason">{t("minutes.correctionReason")}</label>
          <textarea
            id="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={err("reason") ? true : undefined}
          />
          {err("reason") ? <p className="field__error">{err("reason")}</p> : null}
        </div>
      ) : null}

      <HeaderSection form={form} people={props.people} err={err} />
      <TextSection form={form} />
      <AgendaSection form={form} err={err} />
      <ReportsSection form={form} committees={props.committees} err={err} />
      <ResolutionsSection
        form={form}
        owners={props.owners}
        candidates={candidates}
        calendar={props.calendar}
        err={err}
      />
      <AttendanceSection form={form} err={err} />
      <NextSection form={form} err={err} />
      <FollowUpSection rows={props.followUps} />
      <p className="muted">{t("minutes.shortcuts")}</p>
      <p className="visually-hidden" aria-live="polite">
        {formatPlain(props.number, lang)}
      </p>
    </form>
  );
}

function SaveBar({
  state,
  dirty,
  busy,
  onOverwrite,
  onFinalise,
  meetingId,
  correcting,
}: {
  state: ReturnType<typeof useDraftSaver>["state"];
  dirty: boolean;
  busy: boolean;
  onOverwrite: () => void;
  onFinalise: () => void;
  meetingId: number;
  correcting: boolean;
}) {
  const { t } = useT();
  const lang = useLang();
  return (
    <section className="save-bar" aria-label={t("minutes.save")}>
      <div className="row">
        <button type="submit" className="button" disabled={state.kind === "saving"}>
          {state.kind === "saving" ? t("minutes.saving") : t("minutes.save")}
        </button>
        <button type="button" className="button button--primary" onClick={onFinalise} disabled={busy}>
          {t("minutes.finalise")}
        </button>
        <span className="muted" role="status">
          {state.kind === "saved" && !dirty ? t("minutes.savedAt", { time: formatTimestamp(state.at, lang) }) : null}
          {dirty && state.kind !== "saving" ? t("minutes.unsaved") : null}
        </span>
        {correcting ? null : <span className="muted small">{t("minutes.autosave")}</span>}
      </div>
      {state.kind === "conflict" ? (
        <div className="alert alert--error" role="alert">
          <p>{t("minutes.conflict", { by: state.by ?? "—", at: formatTimestamp(state.at, lang) })}</p>
          <div className="row">
            <button type="button" className="button button--small" onClick={onOverwrite}>
              {t("minutes.conflictOverwrite")}
            </button>
            <Link to={`/meetings/${meetingId}`} target="_blank" className="button button--small">
              {t("minutes.conflictView")}
            </Link>
          </div>
        </div>
      ) : null}
      {state.kind === "expired" ? (
        <div className="alert alert--error" role="alert">
          <p>{t("minutes.expired")}</p>
          <a
            href={`/login?redirectTo=${encodeURIComponent(`/meetings/${meetingId}`)}`}
            target="_blank"
            rel="noreferrer"
            className="button button--small"
          >
            {t("minutes.signInAgain")}
          </a>
        </div>
      ) : null}
      {state.kind === "offline" ? (
        <p className="alert alert--error" role="alert">
          {t("minutes.offline")}
        </p>
      ) : null}
      {state.kind === "error" ? (
        <p className="alert alert--error" role="alert">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}

type Err = (path: string) => string | undefined;

function ErrorText({ message }: { message?: string }) {
  return message ? <p className="field__error">{message}</p> : null;
}

function HeaderSection({ form, people, err }: { form: Form; people: EditorProps["people"]; err: Err }) {
  const { t } = useT();
  const { register, control } = form;
  return (
    <section className="card stack" aria-labelledby="sec-header">
      <h2 id="sec-header">{t("minutes.session")}</h2>
      <div className="form-grid">
        <JalaliDateController control={control} name={"date"} label={t("minutes.date")} error={err("date")} />
        <div className="field">
          <label htmlFor="m-start">{t("minutes.startTime")}</label>
          <input
            id="m-start"
            {...register("startTime")}
            dir="ltr"
            inputMode="numeric"
            placeholder="10:00"
            aria-invalid={err("startTime") ? true : undefined}
          />
          <ErrorText message={err("startTime")} />
        </div>
        <div className="field">
          <label htmlFor="m-end">{t("minutes.endTime")}</label>
          <input
            id="m-end"
            {...register("endTime")}
            dir="ltr"
            inputMode="numeric"
            placeholder="12:00"
            aria-invalid={err("endTime") ? true : undefined}
          />
          <ErrorText message={err("endTime")} />
        </div>
        <div className="field">
          <label htmlFor="m-place">{t("minutes.place")}</label>
          <input id="m-place" {...register("place")} />
        </div>
        <div className="field">
          <label htmlFor="m-mode">{t("minutes.mode")}</label>
          <select id="m-mode" {...register("mode")}>
            {(["in_person", "virtual", "mixed"] as const).map((m) => (
              <option key={m} value={m}>
                {t(`minutes.modes.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="m-chair">{t("minutes.chair")}</label>
          <select id="m-chair" {...register("chairPersonId", { setValueAs: (v) => (v ? Number(v) : null) })}>
            <option value="">{t("minutes.nobody")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="m-secretary">{t("minutes.secretary")}</label>
          <select id="m-secretary" {...register("secretaryPersonId", { setValueAs: (v) => (v ? Number(v) : null) })}>
            <option value="">{t("minutes.nobody")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  );
}

function TextSection({ form }: { form: Form }) {
  const { t } = useT();
  return (
    <section className="card stack" aria-labelledby="sec-summary">
      <h2 id="sec-summary">{t("minutes.textSection")}</h2>
      <div className="field">
        <label htmlFor="m-opening">{t("minutes.openingRemarks")}</label>
        <textarea id="m-opening" {...form.register("openingRemarks")} rows={3} />
      </div>
      <div className="field">
        <label htmlFor="m-summary">{t("minutes.summary")}</label>
        <textarea id="m-summary" {...form.register("summary")} rows={6} />
      </div>
    </section>
  );
}

function AgendaSection({ form, err }: { form: Form; err: Err }) {
  const { t } = useT();
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "agenda", keyName: "_id" });
  return (
    <section className="card stack" aria-labelledby="sec-agenda">
      <h2 id="sec-agenda">{t("minutes.agenda")}</h2>
      <ErrorText message={err("agenda")} />
      <ol className="editor-list">
        {fields.map((f, i) => (
          <li key={f._id} className="editor-item">
            <div className="field">
              <label htmlFor={`agenda-${i}`}>{t("minutes.agendaItem", { ordinal: formatPlain(i + 1, "fa") })}</label>
              <input
                id={`agenda-${i}`}
                {...form.register(`agenda.${i}.title`)}
                aria-invalid={err(`agenda.${i}.title`) ? true : undefined}
                onKeyDown={(e) => {
                  if (e.altKey && e.key === "ArrowUp" && i > 0) {
                    e.preventDefault();
                    move(i, i - 1);
                  } else if (e.altKey && e.key === "ArrowDown" && i < fields.length - 1) {
                    e.preventDefault();
                    move(i, i + 1);
                  }
                }}
              />
              <ErrorText message={err(`agenda.${i}.title`)} />
            </div>
            <div className="field">
              <label htmlFor={`agenda-d-${i}`}>{t("minutes.discussion")}</label>
              <textarea id={`agenda-d-${i}`} {...form.register(`agenda.${i}.discussion`)} rows={3} />
            </div>
            <div className="row">
              <button
                type="button"
                className="button button--small"
                onClick={() => move(i, i - 1)}
                disabled={i === 0}
                aria-label={`${t("minutes.moveUp")} ${i + 1}`}
              >
                ↑ {t("minutes.moveUp")}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => move(i, i + 1)}
                disabled={i === fields.length - 1}
                aria-label={`${t("minutes.moveDown")} ${i + 1}`}
              >
                ↓ {t("minutes.moveDown")}
              </button>
              <button type="button" className="button button--small button--danger" onClick={() => remove(i)}>
                {t("minutes.remove")}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div>
        <button
          type="button"
          className="button"
          onClick={() =>
            append({ key: newKey(), title: "", discussion: "" }, { focusName: `agenda.${fields.length}.title` })
          }
        >
          + {t("minutes.addAgenda")}
        </button>
      </div>
    </section>
  );
}

function ReportsSection({ form, committees, err }: { form: Form; committees: EditorProps["committees"]; err: Err }) {
  const { t } = useT();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "reports", keyName: "_id" });
  const agenda = useWatch({ control: form.control, name: "agenda" });
  return (
    <section className="card stack" aria-labelledby="sec-reports">
      <h2 id="sec-reports">{t("minutes.reports")}</h2>
      {fields.map((f, i) => (
        <div key={f._id} className="editor-item">
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`report-body-${i}`}>{t("minutes.reportBody")}</label>
              <select
                id={`report-body-${i}`}
                {...form.register(`reports.${i}.bodyId`, { setValueAs: (v) => (v ? Number(v) : null) })}
                aria-invalid={err(`reports.${i}.bodyId`) ? true : undefined}
              >
                <option value="">{t("minutes.nobody")}</option>
                {committees.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <ErrorText message={err(`reports.${i}.bodyId`)} />
            </div>
            <div className="field">
              <label htmlFor={`report-agenda-${i}`}>{t("minutes.reportAgenda")}</label>
              <select id={`report-agenda-${i}`} {...form.register(`reports.${i}.agendaKey`)}>
                <option value="">{t("minutes.noAgendaLink")}</option>
                {agenda.map((a, j) => (
                  <option key={a.key} value={a.key}>
                    {formatPlain(j + 1, "fa")}. {a.title}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor={`report-text-${i}`}>{t("minutes.reportText")}</label>
            <textarea
              id={`report-text-${i}`}
              {...form.register(`reports.${i}.text`)}
              rows={4}
              aria-invalid={err(`reports.${i}.text`) ? true : undefined}
            />
            <ErrorText message={err(`reports.${i}.text`)} />
          </div>
          <button type="button" className="button button--small button--danger" onClick={() => remove(i)}>
            {t("minutes.remove")}
          </button>
        </div>
      ))}
      <div>
        <button
          type="button"
          className="button"
          onClick={() => append({ key: newKey(), agendaKey: agenda.at(-1)?.key ?? "", bodyId: null, text: "" })}
        >
          + {t("minutes.addReport")}
        </button>
      </div>
    </section>
  );
}

function ResolutionsSection({
  form,
  owners,
  candidates,
  calendar,
  err,
}: {
  form: Form;
  owners: OwnerOptions;
  candidates: OwnerCandidate[];
  calendar: EditorProps["calendar"];
  err: Err;
}) {
  const { t } = useT();
  const lang = useLang();
  const { fields, append, remove, move } = useFieldArray({
    control: form.control,
    name: "resolutions",
    keyName: "_id",
  });
  const meetingDate = useWatch({ control: form.control, name: "date" });
  const rows = useWatch({ control: form.control, name: "resolutions" });
  const timeframeText = useTimeframeText();
  const work = useMemo(() => ({ weekendDays: calendar.weekendDays, holidays: new Set(calendar.holidays) }), [calendar]);
  const suggestionsFor = useCallback(
    (label: string) => {
      const m = matchOwner(label, candidates);
      return m.status === "unmatched" ? m.suggestions : [];
    },
    [candidates],
  );
  const start = parseJalaliInput(meetingDate ?? "");

  const deadlineOf = (r: MinutesDoc["resolutions"][number]) => {
    if (!start.ok) return null;
    const tf = timeframeOfDraft(r);
    return tf ? computeDeadline(start.iso, tf, work) : null;
  };

  return (
    <section className="card stack" aria-labelledby="sec-resolutions">
      <div className="section-title">
        <h2 id="sec-resolutions">{t("minutes.resolutions")}</h2>
        <span className="muted">{t("minutes.deadlineAfterFinal")}</span>
      </div>
      <PasteResolutions candidates={candidates} onAdd={(drafts) => append(drafts)} newKey={newKey} />
      <ol className="editor-list">
        {fields.map((f, i) => {
          const row = rows[i];
          const deadline = row ? deadlineOf(row) : null;
          return (
            <li
              key={f._id}
              className="editor-item resolution-row"
              aria-label={`${t("minutes.resolutions")} ${formatPlain(i + 1, lang)}`}
            >
              <div className="resolution-row__num">{formatPlain(i + 1, lang)}</div>
              <div className="stack">
                <div className="field">
                  <label htmlFor={`res-subject-${i}`}>{t("minutes.subject")}</label>
                  <textarea
                    id={`res-subject-${i}`}
                    {...form.register(`resolutions.${i}.subject`)}
                    rows={2}
                    aria-invalid={err(`resolutions.${i}.subject`) ? true : undefined}
                  />
                  <ErrorText message={err(`resolutions.${i}.subject`)} />
                </div>
                <div className="field">
                  <span className="label" id={`res-owners-${i}`}>
                    {t("minutes.owners")}
                  </span>
                  <Controller
                    name={`resolutions.${i}.owners`}
                    control={form.control}
                    render={({ field }) => (
                      <OwnerPicker
                        owners={field.value}
                        options={owners}
                        suggestionsFor={suggestionsFor}
                        onChange={field.onChange}
                        error={err(`resolutions.${i}.owners`)}
                        labelledBy={`res-owners-${i}`}
                      />
                    )}
                  />
                </div>
                <div className="row timeframe-row">
                  <div className="field">
                    <label htmlFor={`res-tf-${i}`}>{t("minutes.timeframe")}</label>
                    <select
                      id={`res-tf-${i}`}
                      {...form.register(`resolutions.${i}.timeframeKind`)}
                      aria-invalid={err(`resolutions.${i}.timeframeKind`) ? true : undefined}
                    >
                      {TIMEFRAME_CHOICES.map((k) => (
                        <option key={k} value={k}>
                          {t(`minutes.timeframeKinds.${k}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  {row?.timeframeKind === "weeks" || row?.timeframeKind === "days" ? (
                    <div className="field field--narrow">
                      <label htmlFor={`res-count-${i}`}>{t("minutes.count")}</label>
                      <input
                        id={`res-count-${i}`}
                        {...form.register(`resolutions.${i}.timeframeCount`)}
                        inputMode="numeric"
                        aria-invalid={err(`resolutions.${i}.timeframeCount`) ? true : undefined}
                      />
                    </div>
                  ) : null}
                  {row?.timeframeKind === "date" ? (
                    <JalaliDateController
                      control={form.control}
                      name={`resolutions.${i}.timeframeDate`}
                      label={t("minutes.untilDate")}
                      error={err(`resolutions.${i}.timeframeDate`)}
                    />
                  ) : null}
                  <div className="deadline-preview" aria-live="polite">
                    {deadline?.due ? (
                      <>
                        <strong>
                          {t("minutes.deadline")}: {formatJalali(deadline.due, lang)}
                        </strong>
                        <small>
                          {row?.timeframeKind === "date"
                            ? t("minutes.deadlineFixed")
                            : t("minutes.deadlineRule", { timeframe: timeframeText(row!) })}
                          {deadline.moved && deadline.nominal
                            ? ` — ${t("minutes.deadlineMoved", { nominal: formatJalali(deadline.nominal, lang) })}`
                            : ""}
                        </small>
                      </>
                    ) : row?.timeframeKind === "standing" ? (
                      <small>{t("minutes.standingNote")}</small>
                    ) : null}
                  </div>
                </div>
                {row && row.timeframeKind === "" && row.timeframeText ? (
                  <p className="field__error">{t("minutes.unreadTimeframe", { text: row.timeframeText })}</p>
                ) : null}
                <ErrorText message={err(`resolutions.${i}.timeframeKind`) ?? err(`resolutions.${i}.timeframeCount`)} />
                <div className="row">
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => move(i, i - 1)}
                    disabled={i === 0}
                  >
                    ↑ {t("minutes.moveUp")}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => move(i, i + 1)}
                    disabled={i === fields.length - 1}
                  >
                    ↓ {t("minutes.moveDown")}
                  </button>
                  <button type="button" className="button button--small button--danger" onClick={() => remove(i)}>
                    {t("minutes.remove")}
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <button
          type="button"
          className="button"
          onClick={() =>
            append(
              {
                key: newKey(),
                subject: "",
                owners: [],
                timeframeKind: "weeks",
                timeframeCount: "1",
                timeframeDate: "",
                timeframeText: "",
              },
              { focusName: `resolutions.${fields.length}.subject` },
            )
          }
        >
          + {t("minutes.addResolution")}
        </button>
      </div>
      <p className="muted">{t("minutes.resolutionsCount", { count: fields.length })}</p>
    </section>
  );
}

function AttendanceSection({ form, err }: { form: Form; err: Err }) {
  const { t } = useT();
  const { fields } = useFieldArray({ control: form.control, name: "attendance", keyName: "_id" });
  const guests = useFieldArray({ control: form.control, name: "guests", keyName: "_id" });
  const rows = useWatch({ control: form.control, name: "attendance" });
  return (
    <section className="card stack" aria-labelledby="sec-attendance">
      <h2 id="sec-attendance">{t("minutes.attendance")}</h2>
      <div className="table-wrap">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t("minutes.member")}</th>
              <th scope="col">{t("bodies.status")}</th>
              <th scope="col">{t("minutes.substitute")}</th>
              <th scope="col">{t("minutes.timeAttended")}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f, i) => (
              <tr key={f._id}>
                <td>{f.name}</td>
                <td>
                  <select aria-label={`${t("bodies.status")}: ${f.name}`} {...form.register(`attendance.${i}.status`)}>
                    {ATTENDANCE_CHOICES.map((s) => (
                      <option key={s} value={s}>
                        {t(`minutes.attendanceStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`${t("minutes.substitute")}: ${f.name}`}
                    {...form.register(`attendance.${i}.substitute`)}
                    disabled={rows[i]?.status !== "represented"}
                    aria-invalid={err(`attendance.${i}.substitute`) ? true : undefined}
                  />
                  <ErrorText message={err(`attendance.${i}.substitute`)} />
                </td>
                <td>
                  <input
                    aria-label={`${t("minutes.timeAttended")}: ${f.name}`}
                    {...form.register(`attendance.${i}.time`)}
                    className="input--short"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t("minutes.guests")}</h3>
      {guests.fields.map((f, i) => (
        <div key={f._id} className="row">
          <input
            aria-label={`${t("minutes.guestName")} ${i + 1}`}
            {...form.register(`guests.${i}.name`)}
            placeholder={t("minutes.guestName")}
            aria-invalid={err(`guests.${i}.name`) ? true : undefined}
          />
          <input
            aria-label={`${t("minutes.timeAttended")} ${i + 1}`}
            {...form.register(`guests.${i}.time`)}
            className="input--short"
            placeholder={t("minutes.timeAttended")}
          />
          <button type="button" className="button button--small button--danger" onClick={() => guests.remove(i)}>
            {t("minutes.remove")}
          </button>
          <ErrorText message={err(`guests.${i}.name`)} />
        </div>
      ))}
      <div>
        <button
          type="button"
          className="button"
          onClick={() => guests.append({ name: "", time: "" }, { focusName: `guests.${guests.fields.length}.name` })}
        >
          + {t("minutes.addGuest")}
        </button>
      </div>
    </section>
  );
}

function NextSection({ form, err }: { form: Form; err: Err }) {
  const { t } = useT();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "nextAgenda", keyName: "_id" });
  return (
    <section className="card stack" aria-labelledby="sec-next">
      <h2 id="sec-next">{t("minutes.next")}</h2>
      <div className="form-grid">
        <JalaliDateController
          control={form.control}
          name={"nextDate"}
          label={t("minutes.nextDate")}
          error={err("nextDate")}
        />
        <div className="field">
          <label htmlFor="m-next-time">{t("minutes.nextTime")}</label>
          <input
            id="m-next-time"
            {...form.register("nextTime")}
            dir="ltr"
            placeholder="10:00"
            aria-invalid={err("nextTime") ? true : undefined}
          />
          <ErrorText message={err("nextTime")} />
        </div>
      </div>
      <h3>{t("minutes.nextAgenda")}</h3>
      {fields.map((f, i) => (
        <div key={f._id} className="row">
          <input
            className="grow"
            aria-label={`${t("minutes.nextAgenda")} ${i + 1}`}
            {...form.register(`nextAgenda.${i}.title`)}
          />
          <button type="button" className="button button--small button--danger" onClick={() => remove(i)}>
            {t("minutes.remove")}
          </button>
        </div>
      ))}
      <div>
        <button
          type="button"
          className="button"
          onClick={() => append({ title: "" }, { focusName: `nextAgenda.${fields.length}.title` })}
        >
          + {t("minutes.addNextAgenda")}
        </button>
      </div>
    </section>
  );
}

function FollowUpSection({ rows }: { rows: EditorProps["followUps"] }) {
  const { t } = useT();
  const lang = useLang();
  return (
    <section className="card stack" aria-labelledby="sec-followup">
      <h2 id="sec-followup">{t("minutes.followUp")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("minutes.noOpen")}</p>
      ) : (
        <ul className="plain-list">
          {rows.map((r) => (
            <li key={r.id}>
              <span className="muted">{t("minutes.fromMeeting", { n: r.meetingNumber, r: r.number })}</span> —{" "}
              {r.subject} <span className="badge">{t(`resolutionStatus.${r.status}`, { defaultValue: r.status })}</span>
              {r.dueDate ? ` ${t("minutes.deadline")}: ${formatJalali(r.dueDate, lang)}` : ""}
              {r.lastPercent !== null ? ` · ${formatPercent(r.lastPercent, lang)}` : ""}
              {r.lastNote ? ` · ${r.lastNote}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
