import { Form } from "@remix-run/react";
import { MEMBERSHIP_ROLES } from "../../db/enums";
import { ADD_MEMBER, membershipSchema } from "../schemas/organisation";
import { formatPersonName, type PersonName } from "../utils/person-name";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";
import { FormError, SelectField, SubmitButton, TextField, useRemixForm } from "./ui/form";
import { JalaliDateController } from "./ui/jalali-date-field";

/** Seats a person in a body or working group, with role, term and appointment letter. */
export function MembershipForm({
  people,
  roles = MEMBERSHIP_ROLES,
}: {
  people: (PersonName & { id: number })[];
  roles?: readonly string[];
}) {
  const { t } = useT();
  const lang = useLang();
  const { form, register, errorFor, formError, onSubmit, busy } = useRemixForm(
    membershipSchema,
    { personId: "" as unknown as number, role: "member", startDate: "", endDate: "", letterNumber: "", letterDate: "" },
    ADD_MEMBER,
  );
  const date = (name: "startDate" | "endDate" | "letterDate", label: string) => (
    <JalaliDateController control={form.control} name={name} label={label} error={errorFor(name)} />
  );
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="stack" aria-label={t("membership.add")}>
      <input type="hidden" name="intent" value={ADD_MEMBER} />
      <FormError message={formError} />
      <div className="form-grid">
        <SelectField
          label={t("membership.person")}
          registration={register("personId")}
          error={errorFor("personId")}
          options={[
            { value: "", label: t("membership.choosePerson") },
            ...people.map((p) => ({ value: String(p.id), label: formatPersonName(p, lang) })),
          ]}
        />
        <SelectField
          label={t("membership.role")}
          registration={register("role")}
          error={errorFor("role")}
          options={roles.map((r) => ({ value: r, label: t(`membershipRoles.${r}`) }))}
        />
        {date("startDate", t("membership.startDate"))}
        {date("endDate", t("membership.endDate"))}
        <TextField
          label={t("membership.letterNumber")}
          registration={register("letterNumber")}
          error={errorFor("letterNumber")}
        />
        {date("letterDate", t("membership.letterDate"))}
      </div>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t("membership.add")}</SubmitButton>
      </div>
    </Form>
  );
}
