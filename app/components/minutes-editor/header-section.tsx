import { useT } from "../../utils/use-t";
import { JalaliDateController } from "../ui/jalali-date-field";
import { type EditorProps, type Err, ErrorText, type Form } from "./shared";

/** Date, times, place, mode, chair and secretary of the meeting. */
export function HeaderSection({ form, people, err }: { form: Form; people: EditorProps["people"]; err: Err }) {
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
