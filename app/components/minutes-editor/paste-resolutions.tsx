import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../../db/enums";
import type { ResolutionDraft } from "../../schemas/minutes";
import { formatCount } from "../../utils/digits";
import { guessOrganisationKind, type OwnerCandidate } from "../../utils/owner-match";
import { type ColumnRole, type MissingTimeframe, parseTsv, toResolutionDrafts } from "../../utils/paste";
import { useLang } from "../../utils/use-lang";
import { useT } from "../../utils/use-t";
import { readVote, voteWords } from "../../utils/vote";
import { useTimeframeText } from "../minutes-view";

const ROLES: ColumnRole[] = ["subject", "owners", "timeframe", "ignore"];
const STORAGE_KEY = "paste-column-roles";

/**
 * The paste panel: paste rows from Word or Excel, set each column's role once (remembered), review, add. A table
 * without a timeframe column is not taken to be all standing: the panel asks what the rows' timeframe is first.
 */
export function PasteResolutions({
  candidates,
  onAdd,
  newKey,
  canCreateOrganisations = false,
}: {
  candidates: OwnerCandidate[];
  onAdd: (rows: ResolutionDraft[]) => void;
  newKey: () => string;
  /** The secretariat may create an outside organisation for an owner the table names and nothing matches. */
  canCreateOrganisations?: boolean;
}) {
  const { t } = useT();
  const lang = useLang();
  const timeframeText = useTimeframeText();
  const [text, setText] = useState("");
  const [roles, setRoles] = useState<ColumnRole[] | undefined>(undefined);
  const [missing, setMissing] = useState<MissingTimeframe | null>(null);
  const [mustChoose, setMustChoose] = useState(false);
  const firstChoice = useRef<HTMLInputElement>(null);

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
  const {
    roles: used,
    hasTimeframe,
    drafts,
  } = useMemo(
    () => toResolutionDrafts(text, usable, candidates, newKey, missing ?? undefined),
    [text, usable, candidates, newKey, missing],
  );
  const asks = !hasTimeframe && drafts.length > 0;
  const voteText = (d: ResolutionDraft) => {
    const words = voteWords(readVote(d.vote).vote);
    return words ? t(words.key, words.values) : "—";
  };
  const flagged = drafts.reduce((n, d) => n + d.owners.filter((o) => o.kind === "unmatched").length, 0);
  const unknownLabels = [
    ...new Set(drafts.flatMap((d) => d.owners.filter((o) => o.kind === "unmatched").map((o) => o.label))),
  ];

  const setRole = (i: number, role: ColumnRole) => {
    const next = [...Array(width).keys()].map((j) => (j === i ? role : (used[j] ?? "ignore")));
    setRoles(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  };

  return (
    <details className="paste-panel">
      <summary className="button button--wrap">{t("minutes.paste")}</summary>
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
                      <th scope="col">{t("minutes.pasteVote")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {drafts.map((d, i) => (
                      <tr key={d.key}>
                        <td>{formatCount(i + 1, lang)}</td>
                        <td className="pre-line">{d.subject.length > 90 ? `${d.subject.slice(0, 90)}…` : d.subject}</td>
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
                        <td>{voteText(d)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {canCreateOrganisations && unknownLabels.length > 0 ? (
                <ul className="plain-list stack">
                  {unknownLabels.map((label) => (
                    <li key={label}>
                      <CreateOrganisationOffer label={label} />
                    </li>
                  ))}
                </ul>
              ) : null}
              {asks ? (
                <fieldset className="stack" aria-describedby="paste-no-timeframe-hint">
                  <legend>{t("minutes.pasteNoTimeframe")}</legend>
                  <p id="paste-no-timeframe-hint" className="field__hint">
                    {t("minutes.pasteNoTimeframeHint")}
                  </p>
                  {(["standing", "later"] as const).map((choice, i) => (
                    <label key={choice} className="checkbox">
                      <input
                        ref={i === 0 ? firstChoice : undefined}
                        type="radio"
                        name="paste-missing-timeframe"
                        value={choice}
                        checked={missing === choice}
                        aria-invalid={mustChoose && !missing ? true : undefined}
                        onChange={() => {
                          setMissing(choice);
                          setMustChoose(false);
                        }}
                      />
                      {t(choice === "standing" ? "minutes.pasteTimeframeStanding" : "minutes.pasteTimeframeLater")}
                    </label>
                  ))}
                  {mustChoose && !missing ? (
                    <p className="field__error" role="alert">
                      {t("minutes.pasteChooseTimeframe")}
                    </p>
                  ) : null}
                </fieldset>
              ) : null}
              <div>
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => {
                    if (asks && !missing) {
                      setMustChoose(true);
                      firstChoice.current?.focus();
                      return;
                    }
                    onAdd(drafts);
                    setText("");
                    setMissing(null);
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

/**
 * «ساختن سازمان بیرونی «…»»: creates an outside organisation named as the pasted owner. The page's data reloads after
 * it, the new organisation joins the candidates and the pasted rows naming it match it; the pasted text stays.
 */
function CreateOrganisationOffer({ label }: { label: string }) {
  const { t } = useT();
  const fetcher = useFetcher<{ ok?: boolean; errors?: Record<string, string> }>();
  const [kind, setKind] = useState<OrganisationKind>(() => guessOrganisationKind(label));
  const busy = fetcher.state !== "idle";
  const error = fetcher.data?.errors ? Object.values(fetcher.data.errors)[0] : undefined;
  return (
    <div className="row">
      <select
        aria-label={t("minutes.pasteOrganisationKind", { label })}
        value={kind}
        onChange={(e) => setKind(e.target.value as OrganisationKind)}
      >
        {ORGANISATION_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`organisationKinds.${k}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-busy={busy}
        onClick={() =>
          fetcher.submit({ from: "paste", name: label, kind }, { method: "post", action: "/organisations/new" })
        }
      >
        {t("minutes.pasteCreateOrganisation", { label })}
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
