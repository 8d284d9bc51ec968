import type { OwnerDraft } from "../../schemas/minutes";
import { allCandidates, candidatesOf, type OwnerCandidate, type OwnerOptions } from "../../utils/owner-match";
import { useT } from "../../utils/use-t";

const value = (c: { kind: string; id: number }) => `${c.kind}:${c.id}`;

function OwnerSelect({
  options,
  label,
  placeholder,
  suggestions,
  onPick,
}: {
  options: OwnerOptions;
  label: string;
  placeholder: string;
  suggestions?: OwnerCandidate[];
  onPick: (c: OwnerCandidate) => void;
}) {
  const { t } = useT();
  const all = allCandidates(options);
  return (
    <select
      aria-label={label}
      value=""
      onChange={(e) => {
        const picked = all.find((c) => value(c) === e.target.value);
        if (picked) onPick(picked);
      }}
    >
      <option value="">{placeholder}</option>
      {suggestions && suggestions.length > 0 ? (
        <optgroup label="★">
          {suggestions.map((c) => (
            <option key={`s${value(c)}`} value={value(c)}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ) : null}
      <optgroup label={t("minutes.ownerGroups.body")}>
        {options.bodies.map((c) => (
          <option key={value(c)} value={value(c)}>
            {c.name}
          </option>
        ))}
      </optgroup>
      <optgroup label={t("minutes.ownerGroups.group")}>
        {options.groups.map((c) => (
          <option key={value(c)} value={value(c)}>
            {c.name}
          </option>
        ))}
      </optgroup>
      <optgroup label={t("minutes.ownerGroups.person")}>
        {options.people.map((c) => (
          <option key={value(c)} value={value(c)}>
            {c.name}
          </option>
        ))}
      </optgroup>
      {options.organisations.length > 0 ? (
        <optgroup label={t("minutes.ownerGroups.organisation")}>
          {options.organisations.map((c) => (
            <option key={value(c)} value={value(c)}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ) : null}
    </select>
  );
}

/** Owners of one resolution as chips; an owner that matched nothing is flagged and must be chosen. */
export function OwnerPicker({
  owners,
  options,
  suggestionsFor,
  onChange,
  error,
  labelledBy,
}: {
  owners: OwnerDraft[];
  options: OwnerOptions;
  suggestionsFor: (label: string) => OwnerCandidate[];
  onChange: (owners: OwnerDraft[]) => void;
  error?: string;
  labelledBy: string;
}) {
  const { t } = useT();
  const nameOf = (o: OwnerDraft) => {
    return candidatesOf(options, o.kind).find((c) => c.id === o.id)?.name ?? o.label;
  };
  const add = (c: OwnerCandidate) => {
    if (owners.some((o) => o.kind === c.kind && o.id === c.id)) return;
    onChange([...owners, { kind: c.kind, id: c.id, label: c.name }]);
  };
  return (
    <fieldset className="owner-picker" aria-labelledby={labelledBy}>
      <ul className="chips">
        {owners.map((o, i) =>
          o.kind === "unmatched" ? (
            <li key={`u${i}`} className="chip chip--flagged">
              <span>{t("minutes.unmatched", { label: o.label })}</span>
              <OwnerSelect
                options={options}
                label={t("minutes.chooseMatch", { label: o.label })}
                placeholder={t("minutes.chooseOwner")}
                suggestions={suggestionsFor(o.label)}
                onPick={(c) =>
                  onChange(owners.map((x, j) => (j === i ? { kind: c.kind, id: c.id, label: o.label } : x)))
                }
              />
              <button
                type="button"
                className="chip__remove"
                aria-label={t("minutes.removeOwner", { name: o.label })}
                onClick={() => onChange(owners.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ) : (
            <li key={`${o.kind}${o.id}`} className="chip">
              <span>{nameOf(o)}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t("minutes.removeOwner", { name: nameOf(o) })}
                onClick={() => onChange(owners.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ),
        )}
      </ul>
      <OwnerSelect
        options={options}
        label={t("minutes.addOwner")}
        placeholder={t("minutes.chooseOwner")}
        onPick={add}
      />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
