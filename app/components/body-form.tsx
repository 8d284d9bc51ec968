import { Form, Link } from "@remix-run/react";
import { BODY_KINDS, type BodyKind } from "../../db/enums";
import { bodySchema } from "../schemas/organisation";
import { useT } from "../utils/use-t";
import { CheckboxField, FormError, SelectField, SubmitButton, TextField, useRemixForm } from "./ui/form";

type Values = {
  name: string;
  code: string;
  kind: BodyKind;
  parentId: string;
  isExternal: boolean;
  active: boolean;
  duties: string;
  firstMeetingNumber: string;
};

/** The create/edit form of a body: headquarters, council, committee or secretariat. */
export function BodyForm({
  defaults,
  parents,
  cancelTo,
  showActive,
}: {
  defaults: Values;
  parents: { id: number; name: string }[];
  cancelTo: string;
  showActive: boolean;
}) {
  const { t } = useT();
  const { register, errorFor, formError, onSubmit, busy } = useRemixForm(bodySchema, defaults);
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="card stack">
      <FormError message={formError} />
      <div className="form-grid">
        <TextField label={t("bodies.name")} registration={register("name")} error={errorFor("name")} />
        <TextField
          label={t("bodies.code")}
          registration={register("code")}
          error={errorFor("code")}
          hint={t("bodies.codeHint")}
        />
        <SelectField
          label={t("bodies.kind")}
          registration={register("kind")}
          error={errorFor("kind")}
          options={BODY_KINDS.map((k) => ({ value: k, label: t(`bodyKinds.${k}`) }))}
        />
        <SelectField
          label={t("bodies.parent")}
          registration={register("parentId")}
          error={errorFor("parentId")}
          options={[
            { value: "", label: t("bodies.noParent") },
            ...parents.map((p) => ({ value: String(p.id), label: p.name })),
          ]}
        />
      </div>
      <TextField
        label={t("bodies.firstMeetingNumber")}
        registration={register("firstMeetingNumber")}
        error={errorFor("firstMeetingNumber")}
        hint={t("bodies.firstMeetingNumberHint")}
      />
      <TextField label={t("bodies.duties")} registration={register("duties")} error={errorFor("duties")} multiline />
      <CheckboxField label={t("bodies.isExternal")} registration={register("isExternal")} />
      {showActive ? <CheckboxField label={t("bodies.active")} registration={register("active")} /> : null}
      <div className="form-actions">
        <SubmitButton busy={busy}>{t("common.save")}</SubmitButton>
        <Link to={cancelTo} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
