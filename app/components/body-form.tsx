import { Form, Link } from "@remix-run/react";
import {
  BODY_KINDS,
  type BodyKind,
  QUORUM_KINDS,
  type QuorumKind,
  RESOLUTION_NUMBERINGS,
  type ResolutionNumbering,
  SIGNOFF_RULES,
  type SignoffRule,
} from "../../db/enums";
import { bodySchema } from "../schemas/organisation";
import { useT } from "../utils/use-t";
import { CheckboxField, FormError, SelectField, SubmitButton, TextField, useRemixForm } from "./ui/form";

type Values = {
  name: string;
  code: string;
  kind: BodyKind;
  parentId: string;
  isExternal: boolean;
  outsideHq: boolean;
  active: boolean;
  duties: string;
  firstMeetingNumber: string;
  quorumKind: QuorumKind;
  quorumCount: string;
  resolutionNumbering: ResolutionNumbering;
  firstResolutionNumber: string;
  signoffRule: SignoffRule;
};

/** The create/edit form of a body: headquarters, council, committee or secretariat. */
export function BodyForm({
  defaults,
  parents,
  cancelTo,
  showActive,
  numberingLocked = false,
}: {
  defaults: Values;
  parents: { id: number; name: string }[];
  cancelTo: string;
  showActive: boolean;
  /** The body has resolutions: its numbering can no longer change (the database refuses it too). */
  numberingLocked?: boolean;
}) {
  const { t } = useT();
  const { form, register, errorFor, formError, onSubmit, busy } = useRemixForm(bodySchema, defaults);
  const quorumKind = form.watch("quorumKind");
  const numbering = form.watch("resolutionNumbering");
  const outsideHq = form.watch("outsideHq");
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
        {outsideHq ? null : (
          <SelectField
            label={t("bodies.parent")}
            registration={register("parentId")}
            error={errorFor("parentId")}
            options={[
              { value: "", label: t("bodies.noParent") },
              ...parents.map((p) => ({ value: String(p.id), label: p.name })),
            ]}
          />
        )}
      </div>
      <CheckboxField label={t("bodies.outsideHq")} registration={register("outsideHq")} />
      {errorFor("outsideHq") ? (
        <p className="field__error" role="alert">
          {errorFor("outsideHq")}
        </p>
      ) : null}
      <TextField
        label={t("bodies.firstMeetingNumber")}
        registration={register("firstMeetingNumber")}
        error={errorFor("firstMeetingNumber")}
        hint={t("bodies.firstMeetingNumberHint")}
      />
      <div className="form-grid">
        <SelectField
          label={t("quorumRule.label")}
          registration={register("quorumKind")}
          error={errorFor("quorumKind")}
          options={QUORUM_KINDS.map((k) => ({ value: k, label: t(`quorumRule.${k}`) }))}
        />
        {quorumKind === "count" ? (
          <TextField
            label={t("quorumRule.count_label")}
            registration={register("quorumCount")}
            error={errorFor("quorumCount")}
          />
        ) : null}
        {numberingLocked ? (
          <div className="field">
            <span className="label">{t("numbering.label")}</span>
            <input type="hidden" {...register("resolutionNumbering")} />
            <p>{t(`numbering.${defaults.resolutionNumbering}`)}</p>
            <p className="field__hint">{t("numbering.locked")}</p>
            {errorFor("resolutionNumbering") ? <p className="field__error">{errorFor("resolutionNumbering")}</p> : null}
          </div>
        ) : (
          <SelectField
            label={t("numbering.label")}
            registration={register("resolutionNumbering")}
            error={errorFor("resolutionNumbering")}
            options={RESOLUTION_NUMBERINGS.map((k) => ({ value: k, label: t(`numbering.${k}`) }))}
          />
        )}
        {numbering === "running" && !numberingLocked ? (
          <TextField
            label={t("numbering.first")}
            registration={register("firstResolutionNumber")}
            error={errorFor("firstResolutionNumber")}
          />
        ) : null}
      </div>
      <SelectField
        label={t("bodies.signoffRule")}
        registration={register("signoffRule")}
        error={errorFor("signoffRule")}
        options={SIGNOFF_RULES.map((k) => ({ value: k, label: t(`signoff.rules.${k}`) }))}
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
