import { Form, Link } from "@remix-run/react";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../db/enums";
import { organisationSchema } from "../schemas/organisation";
import { useT } from "../utils/use-t";
import { CheckboxField, FormError, SelectField, SubmitButton, TextField, useRemixForm } from "./ui/form";

export type OrganisationValues = { name: string; kind: OrganisationKind; aliases: string; active: boolean };

export const EMPTY_ORGANISATION: OrganisationValues = { name: "", kind: "agency", aliases: "", active: true };

/** The create/edit form of an outside organisation. */
export function OrganisationForm({
  defaults,
  cancelTo,
  showActive,
}: {
  defaults: OrganisationValues;
  cancelTo: string;
  showActive: boolean;
}) {
  const { t } = useT();
  const { register, errorFor, formError, onSubmit, busy } = useRemixForm(organisationSchema, defaults);
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="card stack">
      <FormError message={formError} />
      <div className="form-grid">
        <TextField label={t("organisations.name")} registration={register("name")} error={errorFor("name")} />
        <SelectField
          label={t("organisations.kind")}
          registration={register("kind")}
          error={errorFor("kind")}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKinds.${k}`) }))}
        />
      </div>
      <TextField
        label={t("organisations.aliases")}
        registration={register("aliases")}
        error={errorFor("aliases")}
        hint={t("organisations.aliasesHint")}
        multiline
      />
      {showActive ? <CheckboxField label={t("organisations.active")} registration={register("active")} /> : null}
      <div className="form-actions">
        <SubmitButton busy={busy}>{t("common.save")}</SubmitButton>
        <Link to={cancelTo} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
