import { Form } from "@remix-run/react";
import { workingGroupSchema } from "../schemas/organisation";
import { useT } from "../utils/use-t";
import { FormError, SubmitButton, TextField, useRemixForm } from "./ui/form";

/** Name and duties of a working group: forming one under a committee, or editing it on its own page. */
export function WorkingGroupForm({
  intent,
  defaults,
  submitLabel,
  title,
  className,
}: {
  intent: string;
  defaults: { name: string; duties: string };
  submitLabel: string;
  /** Heading and accessible name of the form, when it stands on its own. */
  title?: string;
  className: string;
}) {
  const { t } = useT();
  const { register, errorFor, formError, onSubmit, busy } = useRemixForm(workingGroupSchema, defaults, intent);
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className={className} aria-label={title}>
      {title ? <h3>{title}</h3> : null}
      <input type="hidden" name="intent" value={intent} />
      <FormError message={formError} />
      <TextField label={t("bodies.groupName")} registration={register("name")} error={errorFor("name")} />
      <TextField
        label={t("bodies.groupDuties")}
        registration={register("duties")}
        error={errorFor("duties")}
        multiline
      />
      <div className="form-actions">
        <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
