import { useFieldArray, useWatch } from "react-hook-form";
import { formatPlain } from "../../utils/digits";
import { useT } from "../../utils/use-t";
import { type EditorProps, type Err, ErrorText, type Form, newKey } from "./shared";

/** Committee progress reports, each under an agenda item. */
export function ReportsSection({
  form,
  committees,
  err,
}: {
  form: Form;
  committees: EditorProps["committees"];
  err: Err;
}) {
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
