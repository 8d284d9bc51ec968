import { useCallback, useMemo } from "react";
import { Controller, useFieldArray, useWatch } from "react-hook-form";
import { type MinutesDoc, TIMEFRAME_CHOICES, VOTE_CHOICES } from "../../schemas/minutes";
import { formatPlain } from "../../utils/digits";
import { formatJalali, parseJalaliInput } from "../../utils/jalali";
import type { OwnerOptions } from "../../utils/owner-match";
import { matchOwner, type OwnerCandidate } from "../../utils/owner-match";
import { computeDeadline, timeframeOfDraft } from "../../utils/timeframe";
import { useLang } from "../../utils/use-lang";
import { useT } from "../../utils/use-t";
import { useTimeframeText } from "../minutes-view";
import { JalaliDateController } from "../ui/jalali-date-field";
import { OwnerPicker } from "./owner-picker";
import { PasteResolutions } from "./paste-resolutions";
import { type EditorProps, type Err, ErrorText, type Form, newKey } from "./shared";

/** The resolutions: subject, owners and timeframe of each, typed or pasted from a table. */
export function ResolutionsSection({
  form,
  owners,
  candidates,
  calendar,
  err,
  canCreateOrganisations,
}: {
  form: Form;
  owners: OwnerOptions;
  candidates: OwnerCandidate[];
  calendar: EditorProps["calendar"];
  err: Err;
  canCreateOrganisations: boolean;
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
  const correcting = (rows ?? []).some((r) => r?.number);
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
      <PasteResolutions
        candidates={candidates}
        onAdd={(drafts) => append(drafts)}
        newKey={newKey}
        canCreateOrganisations={canCreateOrganisations}
      />
      <ol className="editor-list">
        {fields.map((f, i) => {
          const row = rows[i];
          const deadline = row ? deadlineOf(row) : null;
          // A resolution keeps its number through corrections; a row added in one gets the next number when final.
          const label = row?.number
            ? formatPlain(row.number, lang)
            : correcting
              ? t("minutes.newResolution")
              : formatPlain(i + 1, lang);
          return (
            <li key={f._id} className="editor-item resolution-row" aria-label={`${t("minutes.resolutions")} ${label}`}>
              <div className="resolution-row__num">{label}</div>
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
                <div className="row vote-row">
                  <div className="field">
                    <label htmlFor={`res-vote-${i}`}>{t("minutes.vote")}</label>
                    <select id={`res-vote-${i}`} {...form.register(`resolutions.${i}.vote.kind`)}>
                      {VOTE_CHOICES.map((k) => (
                        <option key={k} value={k}>
                          {t(`vote.${k || "unset"}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  {row?.vote?.kind === "majority"
                    ? (["for", "against", "abstain"] as const).map((k) => (
                        <div key={k} className="field field--narrow">
                          <label htmlFor={`res-vote-${k}-${i}`}>
                            {t(`minutes.votes${k === "for" ? "For" : k === "against" ? "Against" : "Abstain"}`)}
                          </label>
                          <input
                            id={`res-vote-${k}-${i}`}
                            inputMode="numeric"
                            {...form.register(`resolutions.${i}.vote.${k}`)}
                            aria-invalid={err(`resolutions.${i}.vote.${k}`) ? true : undefined}
                          />
                          <ErrorText message={err(`resolutions.${i}.vote.${k}`)} />
                        </div>
                      ))
                    : null}
                </div>
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
