import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Quick progress report from a list: a note with a percentage, or "done" today; the full page has the rest. */
export function QuickProgress({ id, label }: { id: number; label: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ ok?: boolean; errors?: Record<string, string> }>();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form
      method="post"
      action={`/resolutions/${id}`}
      className="quick-progress"
      aria-label={`${t("followUp.addProgress")}: ${label}`}
    >
      <input type="hidden" name="intent" value="progress" />
      <input name="note" aria-label={`${t("followUp.note")}: ${label}`} placeholder={t("followUp.note")} />
      <input
        name="percent"
        aria-label={`${t("followUp.percent")}: ${label}`}
        placeholder={t("followUp.percentShort")}
        className="input--short"
        inputMode="numeric"
      />
      <button type="submit" className="button button--small" disabled={busy}>
        {t("followUp.addProgress")}
      </button>
      {fetcher.data?.errors
        ? Object.values(fetcher.data.errors).map((m) => (
            <span key={m} className="field__error" role="alert">
              {m}
            </span>
          ))
        : null}
      {fetcher.data?.ok ? <span className="badge badge--ok">{t("followUp.saved")}</span> : null}
    </fetcher.Form>
  );
}
