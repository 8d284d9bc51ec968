import { useT } from "../utils/use-t";
import { Field } from "./ui/form";

/** The field a one-time code (or a recovery code) is typed into, with its hint and its error tied to it. */
export function OneTimeCodeField({ id, error, autoFocus }: { id: string; error?: string; autoFocus?: boolean }) {
  const { t } = useT();
  return (
    <Field id={id} label={t("secondFactor.code")} error={error} hint={t("secondFactor.codeHint")}>
      {(aria) => (
        <input
          {...aria}
          name="code"
          dir="ltr"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={40}
          autoFocus={autoFocus}
        />
      )}
    </Field>
  );
}
