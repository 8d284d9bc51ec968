import { Form, Link } from "@remix-run/react";
import { personSchema } from "../schemas/organisation";
import { useT } from "../utils/use-t";
import { FormError, SelectField, SubmitButton, TextField, useRemixForm } from "./ui/form";

export type PersonValues = {
  honorific: "mr" | "ms";
  title: "" | "dr" | "eng";
  firstName: string;
  lastName: string;
  organisation: string;
  organisationId: string;
  position: string;
  email: string;
  mobile: string;
};

export const EMPTY_PERSON: PersonValues = {
  honorific: "mr",
  title: "",
  firstName: "",
  lastName: "",
  organisation: "",
  organisationId: "",
  position: "",
  email: "",
  mobile: "",
};

/** The create/edit form of a person in the directory. */
export function PersonForm({
  defaults,
  cancelTo,
  organisations,
}: {
  defaults: PersonValues;
  cancelTo: string;
  /** Outside organisations a person may come from. */
  organisations: { id: number; name: string }[];
}) {
  const { t } = useT();
  const { register, errorFor, formError, onSubmit, busy } = useRemixForm(personSchema, defaults);
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="card stack">
      <FormError message={formError} />
      <div className="form-grid">
        <SelectField
          label={t("people.honorific")}
          registration={register("honorific")}
          error={errorFor("honorific")}
          options={(["mr", "ms"] as const).map((h) => ({ value: h, label: t(`people.honorifics.${h}`) }))}
        />
        <SelectField
          label={t("people.title_")}
          registration={register("title")}
          error={errorFor("title")}
          options={(["", "dr", "eng"] as const).map((v) => ({ value: v, label: t(`people.titles.${v || "none"}`) }))}
        />
        <TextField label={t("people.firstName")} registration={register("firstName")} error={errorFor("firstName")} />
        <TextField label={t("people.lastName")} registration={register("lastName")} error={errorFor("lastName")} />
        <TextField
          label={t("people.organisation")}
          registration={register("organisation")}
          error={errorFor("organisation")}
        />
        <SelectField
          label={t("people.organisationId")}
          registration={register("organisationId")}
          error={errorFor("organisationId")}
          options={[
            { value: "", label: t("organisations.none") },
            ...organisations.map((o) => ({ value: String(o.id), label: o.name })),
          ]}
        />
        <TextField label={t("people.position")} registration={register("position")} error={errorFor("position")} />
        <TextField label={t("people.email")} registration={register("email")} error={errorFor("email")} dir="ltr" />
        <TextField label={t("people.mobile")} registration={register("mobile")} error={errorFor("mobile")} dir="ltr" />
      </div>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t("common.save")}</SubmitButton>
        <Link to={cancelTo} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
