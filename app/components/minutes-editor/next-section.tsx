import { useFieldArray } from "react-hook-form";
import { useT } from "../../utils/use-t";
import { JalaliDateController } from "../ui/jalali-date-field";
import { type Err, ErrorText, type Form } from "./shared";

/** The next meeting: its date, time and agenda. */
export function NextSection({ form, err }: { form: Form; err: Err }) {
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
