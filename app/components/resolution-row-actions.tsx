import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useT } from "../utils/use-t";

/**
 * Quick progress report from a list: one link per row, opening a note-and-percentage form in place (without
 * JavaScript the link leads to the resolution's own progress form). Fifty open forms made «my actions» heavy to
 * render and noisy to read; the full page has the rest.
 */
export function QuickProgress({ id, label }: { id: number; label: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const fetcher = useFetcher<{ ok?: boolean; errors?: Record<string, string> }>();
  const busy = fetcher.state !== "idle";
  const saved = !busy && fetcher.data?.ok === true;
  useEffect(() => {
    if (saved) setOpen(false);
  }, [saved]);

  if (!open) {
    return (
      <span className="quick-progress">
        <a
          className="button button--small"
          href={`/resolutions/${id}#form-progress`}
          aria-label={`${t("followUp.addProgress")}: ${label}`}
          onClick={(event) => {
            // A middle or modified click still opens the resolution in a new tab.
            if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            setOpen(true);
          }}
        >
          {t("followUp.addProgress")}
        </a>
        {saved ? <span className="badge badge--ok">{t("followUp.saved")}</span> : null}
      </span>
    );
  }
  return (
    <fetcher.Form
      method="post"
      action={`/resolutions/${id}`}
      className="quick-progress"
      aria-label={`${t("followUp.addProgress")}: ${label}`}
    >
      <input type="hidden" name="intent" value="progress" />
      {/* autoFocus: the person just asked for this form; the note is what they type next. */}
      <input name="note" aria-label={`${t("followUp.note")}: ${label}`} placeholder={t("followUp.note")} autoFocus />
      <input
        name="percent"
        aria-label={`${t("followUp.percent")}: ${label}`}
        placeholder={t("followUp.percentShort")}
        className="input--short"
        inputMode="numeric"
      />
      <button type="submit" className="button button--small button--primary" disabled={busy}>
        {t("followUp.addProgress")}
      </button>
      <button type="button" className="button button--small" onClick={() => setOpen(false)}>
        {t("common.cancel")}
      </button>
      {fetcher.data?.errors
        ? Object.values(fetcher.data.errors).map((m) => (
            <span key={m} className="field__error" role="alert">
              {m}
            </span>
          ))
        : null}
    </fetcher.Form>
  );
}
