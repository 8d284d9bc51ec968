import { useFieldArray, useWatch } from "react-hook-form";
import { ATTENDANCE_CHOICES } from "../../schemas/minutes";
import { type QuorumRule, quorumState } from "../../utils/quorum";
import { useT } from "../../utils/use-t";
import { type Err, ErrorText, type Form } from "./shared";

/** Who attended: each member present, absent, excused or represented (with the substitute), and guests. */
export function AttendanceSection({
  form,
  err,
  previousGuests,
  quorum,
  organisations,
}: {
  form: Form;
  err: Err;
  previousGuests: { name: string; time: string; organisationId?: number | null }[];
  quorum: QuorumRule;
  /** Outside organisations a guest may come for: the minutes show «نام (سازمان)». */
  organisations: { id: number; name: string }[];
}) {
  const { t } = useT();
  const { fields } = useFieldArray({ control: form.control, name: "attendance", keyName: "_id" });
  const guests = useFieldArray({ control: form.control, name: "guests", keyName: "_id" });
  const rows = useWatch({ control: form.control, name: "attendance" });
  const guestRows = useWatch({ control: form.control, name: "guests" });
  const present = new Set((guestRows ?? []).map((g) => g?.name.trim()));
  const offered = previousGuests.filter((g) => g.name.trim() && !present.has(g.name.trim()));
  const state = quorumState(quorum, rows ?? []);
  return (
    <section className="card stack" aria-labelledby="sec-attendance">
      <div className="row">
        <h2 id="sec-attendance">{t("minutes.attendance")}</h2>
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            rows.forEach((r, i) => {
              if (r?.status === "unmarked") form.setValue(`attendance.${i}.status`, "present", { shouldDirty: true });
            })
          }
        >
          {t("minutes.allPresent")}
        </button>
      </div>
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
                  <select
                    aria-label={`${t("bodies.status")}: ${f.name}`}
                    {...form.register(`attendance.${i}.status`)}
                    aria-invalid={err(`attendance.${i}.status`) ? true : undefined}
                  >
                    {ATTENDANCE_CHOICES.map((s) => (
                      <option key={s} value={s}>
                        {t(`minutes.attendanceStatus.${s}`)}
                      </option>
                    ))}
                  </select>
                  <ErrorText message={err(`attendance.${i}.status`)} />
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
      <div className="stack" aria-live="polite">
        {state ? (
          <p className={state.met ? "quorum quorum--met" : "quorum quorum--short"}>
            <strong>{t("minutes.quorum.title")}:</strong>{" "}
            {t(state.met ? "minutes.quorum.met" : "minutes.quorum.notMet", state)}
          </p>
        ) : null}
        {state && !state.met ? (
          <div className="field">
            <label htmlFor="quorum-reason">{t("minutes.quorum.reason")}</label>
            <textarea
              id="quorum-reason"
              rows={2}
              {...form.register("quorumReason")}
              aria-invalid={err("quorumReason") ? true : undefined}
            />
            <ErrorText message={err("quorumReason")} />
          </div>
        ) : null}
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
          <select
            aria-label={`${t("minutes.guestOrganisation")} ${i + 1}`}
            {...form.register(`guests.${i}.organisationId`, { setValueAs: (v) => (v ? Number(v) : null) })}
            aria-invalid={err(`guests.${i}.organisationId`) ? true : undefined}
          >
            <option value="">{t("organisations.none")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <button type="button" className="button button--small button--danger" onClick={() => guests.remove(i)}>
            {t("minutes.remove")}
          </button>
          <ErrorText message={err(`guests.${i}.name`)} />
          <ErrorText message={err(`guests.${i}.organisationId`)} />
        </div>
      ))}
      <div>
        <button
          type="button"
          className="button"
          onClick={() =>
            guests.append(
              { name: "", time: "", organisationId: null },
              { focusName: `guests.${guests.fields.length}.name` },
            )
          }
        >
          + {t("minutes.addGuest")}
        </button>{" "}
        {offered.length > 0 ? (
          <button type="button" className="button button--wrap" onClick={() => guests.append(offered)}>
            + {t("minutes.previousGuests", { names: offered.map((g) => g.name).join(t("minutes.nameSeparator")) })}
          </button>
        ) : null}
      </div>
    </section>
  );
}
