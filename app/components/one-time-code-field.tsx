import { useT } from "../utils/use-t";

/** The field a one-time code (or a recovery code) is typed into, with its hint and its error tied to it. */
export function OneTimeCodeField({ id, error, autoFocus }: { id: string; error?: string; autoFocus?: boolean }) {
  const { t } = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t("secondFactor.code")}</label>
      <input
        id={id}
        name="code"
        dir="ltr"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={40}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        autoFocus={autoFocus}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {t("secondFactor.codeHint")}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
