import { zodResolver } from "@hookform/resolvers/zod";
import { useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { type ReactNode, type RefObject, useEffect } from "react";
import { type DefaultValues, type FieldValues, type UseFormRegisterReturn, useForm } from "react-hook-form";
import type { z } from "zod";
import { useT } from "../../utils/use-t";

type ActionErrors = { intent?: string; ok?: boolean; errors?: Record<string, string> } | undefined;

/**
 * react-hook-form wired to a Remix action: the shared zod schema checks in the browser, then the native form is
 * submitted so the action (the authority) checks again. Errors from either side show next to their field.
 */
export function useRemixForm<S extends z.ZodTypeAny>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  intent?: string,
) {
  const { t } = useT();
  const form = useForm<z.input<S> & FieldValues>({ resolver: zodResolver(schema), defaultValues, mode: "onTouched" });
  const submit = useSubmit();
  const navigation = useNavigation();
  const actionData = useActionData() as ActionErrors;
  const serverErrors = actionData && (!intent || actionData.intent === intent) ? (actionData.errors ?? {}) : {};
  const busy = navigation.state === "submitting" && (!intent || navigation.formData?.get("intent") === intent);

  // After a successful submit that stays on the page, the form starts empty again for the next entry.
  const succeeded = Boolean(actionData?.ok) && (!intent || actionData?.intent === intent);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset once per successful answer
  useEffect(() => {
    if (succeeded) form.reset();
  }, [actionData]);

  // A failed answer from the server puts the caret in its first field (the browser's own check already does, through
  // react-hook-form), so a keyboard or screen-reader user lands on what to fix.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per answer
  useEffect(() => {
    const names = Object.keys(serverErrors);
    if (names.length === 0) return;
    const invalid = document.querySelectorAll<HTMLElement>('[aria-invalid="true"]');
    [...invalid].find((el) => names.includes(el.getAttribute("name") ?? ""))?.focus();
  }, [actionData]);

  const errorFor = (name: string): string | undefined => {
    const client = (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
    return client ? t(client) : serverErrors[name];
  };

  const onSubmit = form.handleSubmit((_values, event) => {
    const target = event?.target as HTMLFormElement;
    submit(target, { method: "post", action: target.getAttribute("action") ?? undefined });
  });

  return { form, register: form.register, errorFor, formError: serverErrors.form, onSubmit, busy };
}

type FieldProps = {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  /** More classes for the field's box, e.g. `field--narrow`. */
  className?: string;
  children: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
};

/** Label, control, hint and error, wired together for screen readers. */
export function Field({ id, label, error, hint, className, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  registration,
  error,
  hint,
  multiline,
  dir,
  type,
  autoComplete,
}: {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: string;
  multiline?: boolean;
  dir?: "ltr" | "rtl" | "auto";
  type?: "text" | "password";
  autoComplete?: string;
}) {
  const id = `f-${registration.name}`;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(aria) =>
        multiline ? (
          <textarea {...registration} {...aria} dir={dir} />
        ) : (
          <input {...registration} {...aria} dir={dir} type={type} autoComplete={autoComplete} />
        )
      }
    </Field>
  );
}

export function SelectField({
  label,
  registration,
  error,
  options,
}: {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  options: { value: string; label: string }[];
}) {
  const id = `f-${registration.name}`;
  return (
    <Field id={id} label={label} error={error}>
      {(aria) => (
        <select {...registration} {...aria}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ label, registration }: { label: string; registration: UseFormRegisterReturn }) {
  return (
    <label className="checkbox">
      <input type="checkbox" {...registration} /> {label}
    </label>
  );
}

/**
 * For forms without react-hook-form: after an answer with errors, the first control the form marks invalid (its
 * fields are `Field`s given the answer's errors) takes focus, once per answer.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, answer: unknown, failed: boolean) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per answer
  useEffect(() => {
    if (failed) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [answer]);
}

/**
 * Where the result of an action is said («ثبت شد.»): a polite live region that is in the page before the words
 * arrive, so a screen reader reads them out when they appear.
 */
export function StatusMessage({ message }: { message?: string | null }) {
  return (
    <div role="status" className="status-region">
      {message ? <p className="alert alert--ok">{message}</p> : null}
    </div>
  );
}

export function FormError({ message }: { message?: string }) {
  return message ? (
    <p className="alert alert--error" role="alert">
      {message}
    </p>
  ) : null;
}

export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
      {children}
    </button>
  );
}
