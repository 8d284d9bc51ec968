import { useT } from "../../utils/use-t";
import type { Form } from "./shared";

/** Opening remarks and the summary of discussion. */
export function TextSection({ form }: { form: Form }) {
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
