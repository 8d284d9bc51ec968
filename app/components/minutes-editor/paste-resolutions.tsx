import { useEffect, useMemo, useState } from "react";
import type { ResolutionDraft } from "../../schemas/minutes";
import { formatCount } from "../../utils/digits";
import type { OwnerCandidate } from "../../utils/owner-match";
import { type ColumnRole, parseTsv, toResolutionDrafts } from "../../utils/paste";
import { useLang } from "../../utils/use-lang";
import { useT } from "../../utils/use-t";
import { useTimeframeText } from "../minutes-view";

const ROLES: ColumnRole[] = ["subject", "owners", "timeframe", "ignore"];
const STORAGE_KEY = "paste-column-roles";

/** The paste panel: paste rows from Word or Excel, set each column's role once (remembered), review, add. */
export function PasteResolutions({
  candidates,
  onAdd,
  newKey,
}: {
  candidates: OwnerCandidate[];
  onAdd: (rows: ResolutionDraft[]) => void;
  newKey: () => string;
}) {
  const { t } = useT();
  const lang = useLang();
  const timeframeText = useTimeframeText();
  const [text, setText] = useState("");
  const [roles, setRoles] = useState<ColumnRole[] | undefined>(undefined);

  useEffect(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
      if (Array.isArray(saved)) setRoles(saved);
    } catch {
      // a broken saved mapping is simply not used
    }
  }, []);

  const width = useMemo(() => Math.max(0, ...parseTsv(text).map((r) => r.length)), [text]);
  const usable = roles && roles.length === width ? roles : undefined;
  const { roles: used, drafts } = useMemo(
    () => toResolutionDrafts(text, usable, candidates, newKey),
    [text, usable, candidates, newKey],
  );
  const flagged = drafts.reduce((n, d) => n + d.owners.filter((o) => o.kind === "unmatched").length, 0);

  const setRole = (i: number, role: ColumnRole) => {
    const next = [...Array(width).keys()].map((j) => (j === i ? role : (used[j] ?? "ignore")));
    setRoles(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  };

  return (
    <details className="paste-panel">
      <summary className="button">{t("minutes.paste")}</summary>
      <div className="details-body stack">
        <p className="field__hint">{t("minutes.pasteHint")}</p>
        <label className="field">
          <span>{t("minutes.pasteArea")}</span>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={6} />
        </label>
        {width > 0 ? (
          <fieldset className="row">
            <legend>{t("minutes.pasteColumns")}</legend>
            {[...Array(width).keys()].map((i) => (
              <label key={i} className="field">
                <span>{t("minutes.column", { n: i + 1 })}</span>
                <select value={used[i] ?? "ignore"} onChange={(e) => setRole(i, e.target.value as ColumnRole)}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`minutes.roles.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
        ) : null}
        {text.trim() ? (
          drafts.length === 0 ? (
            <p className="alert alert--error">{t("minutes.pasteNothing")}</p>
          ) : (
            <>
              <p aria-live="polite">
                {t("minutes.pastePreview", { count: drafts.length })}
                {flagged > 0 ? ` — ${t("minutes.pasteFlagged", { count: flagged })}` : ""}
              </p>
              <div className="table-wrap">
                <table className="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t("minutes.subject")}</th>
                      <th scope="col">{t("minutes.owners")}</th>
                      <th scope="col">{t("minutes.timeframe")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {drafts.map((d, i) => (
                      <tr key={d.key}>
                        <td>{formatCount(i + 1, lang)}</td>
                        <td>{d.subject.length > 90 ? `${d.subject.slice(0, 90)}…` : d.subject}</td>
                        <td>
                          {d.owners.map((o, j) => (
                            <span key={j} className={o.kind === "unmatched" ? "chip chip--flagged" : "chip"}>
                              {o.kind === "unmatched"
                                ? `⚠ ${o.label}`
                                : (candidates.find((c) => c.kind === o.kind && c.id === o.id)?.name ?? o.label)}
                            </span>
                          ))}
                        </td>
                        <td>{timeframeText(d)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div>
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => {
                    onAdd(drafts);
                    setText("");
                  }}
                >
                  {t("minutes.pasteAdd", { count: drafts.length })}
                </button>
              </div>
            </>
          )
        ) : null}
      </div>
    </details>
  );
}
