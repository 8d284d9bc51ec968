import { useFieldArray } from "react-hook-form";
import { formatPlain } from "../../utils/digits";
import { useT } from "../../utils/use-t";
import { type Err, ErrorText, type Form, newKey } from "./shared";

/** Agenda items, each with the summary of its discussion; add, remove and reorder. */
export function AgendaSection({ form, err }: { form: Form; err: Err }) {
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
