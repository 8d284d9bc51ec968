import { formatPercent } from "../../utils/digits";
import { formatJalali } from "../../utils/jalali";
import { useLang } from "../../utils/use-lang";
import { useT } from "../../utils/use-t";
import { JalaliDateController } from "../ui/jalali-date-field";
import { type EditorProps, type Err, ErrorText, type Form } from "./shared";

/** The statuses a meeting may move an earlier resolution to; «بدون تغییر» leaves it as it is. */
const MEETING_STATUSES = ["", "in_progress", "done", "cancelled"] as const;

/**
 * «پیگیری مصوبات جلسات قبل»: the body's open resolutions from earlier meetings, with their last progress, and what this
 * meeting decides about each (status, progress, a note, a new deadline). The loader lines `doc.followUps` up with
 * `rows`, one entry each; they become follow-ups when the minutes are final.
 */
export function FollowUpSection({ form, rows, err }: { form: Form; rows: EditorProps["followUps"]; err: Err }) {
  const { t } = useT();
  const lang = useLang();
  return (
    <section className="card stack" aria-labelledby="sec-followup">
      <h2 id="sec-followup">{t("minutes.followUpSection")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("minutes.noOpen")}</p>
      ) : (
        <>
          <p className="muted">{t("minutes.followUpHint")}</p>
          <ol className="editor-list">
            {rows.map((r, i) => {
              const name = t("minutes.fromMeeting", { n: r.meetingNumber, r: r.number });
              return (
                <li key={r.id} className="editor-item stack" aria-label={name}>
                  <p>
                    <span className="muted">{name}</span> — {r.subject}{" "}
                    <span className="badge">{t(`resolutionStatus.${r.status}`, { defaultValue: r.status })}</span>
                    {r.dueDate ? ` ${t("minutes.deadline")}: ${formatJalali(r.dueDate, lang)}` : ""}
                    {r.lastPercent !== null ? ` · ${formatPercent(r.lastPercent, lang)}` : ""}
                    {r.lastNote ? ` · ${r.lastNote}` : ""}
                  </p>
                  <div className="row">
                    <div className="field">
                      <label htmlFor={`fu-status-${i}`}>{t("minutes.followUpStatus")}</label>
                      <select id={`fu-status-${i}`} {...form.register(`followUps.${i}.status`)}>
                        {MEETING_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {s ? t(`resolutionStatus.${s}`) : t("minutes.followUpKeep")}
                          </option>
                        ))}
                      </select>
                      <ErrorText message={err(`followUps.${i}.status`)} />
                    </div>
                    <div className="field field--narrow">
                      <label htmlFor={`fu-percent-${i}`}>{t("minutes.followUpPercent")}</label>
                      <input
                        id={`fu-percent-${i}`}
                        inputMode="numeric"
                        {...form.register(`followUps.${i}.percent`)}
                        aria-invalid={err(`followUps.${i}.percent`) ? true : undefined}
                      />
                      <ErrorText message={err(`followUps.${i}.percent`)} />
                    </div>
                    <JalaliDateController
                      control={form.control}
                      name={`followUps.${i}.newDueDate`}
                      label={t("minutes.followUpNewDue")}
                      error={err(`followUps.${i}.newDueDate`)}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`fu-note-${i}`}>{t("minutes.followUpNote")}</label>
                    <textarea
                      id={`fu-note-${i}`}
                      rows={2}
                      {...form.register(`followUps.${i}.note`)}
                      aria-invalid={err(`followUps.${i}.note`) ? true : undefined}
                    />
                    <ErrorText message={err(`followUps.${i}.note`)} />
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
