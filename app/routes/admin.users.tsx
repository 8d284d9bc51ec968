import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ROLES } from "../../db/enums";
import { FormError, SelectField, SubmitButton, TextField, useRemixForm } from "../components/ui/form";
import { canAdminister, requireAllowed, requireScope } from "../models/access.server";
import { isSecondFactorEnforced, resetSecondFactor, setSecondFactorEnforced } from "../models/second-factor.server";
import {
  createUser,
  listUsers,
  peopleWithoutAccount,
  resetPassword,
  setUserDisabled,
  setUserRole,
  unlockUser,
} from "../models/users.server";
import { accountRowSchema, accountSchema, PASSWORD_MIN, userActionSchema } from "../schemas/accounts";
import { ValidationError } from "../utils/errors";
import { parseForm, ruleViolationResponse } from "../utils/forms.server";
import { formatTimestamp } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { asRuleViolation } from "../utils/rules";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.users");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { user, scope } = await requireScope(request);
    requireAllowed(canAdminister(scope), scope);
    return json({
      users: listUsers(),
      people: peopleWithoutAccount(),
      me: user.id,
      secondFactorRequired: isSecondFactorEnforced(),
    });
  });
}

type Answer = { intent: string; userId?: number; ok?: boolean; errors: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { user: admin, scope, actor } = await requireScope(request, context);
    requireAllowed(canAdminister(scope), scope);
    const { t } = await getFixedT(request);
    const form = await request.formData();
    const parsed = parseForm(form, userActionSchema, t);
    if (!parsed.ok) {
      // Said next to the form it came from: the new account's, or the row of the account it names.
      const row = accountRowSchema.safeParse({ userId: form.get("userId") });
      const userId = row.success ? row.data.userId : undefined;
      return json<Answer>({ intent: parsed.intent ?? "", userId, errors: parsed.errors }, { status: 400 });
    }
    const change = parsed.data;
    if (change.intent === "second-factor-setting") {
      setSecondFactorEnforced(actor, change.required === "1");
      return json<Answer>({ intent: change.intent, ok: true, errors: {} });
    }
    if (change.intent === "create") {
      try {
        await createUser(actor, change);
      } catch (error) {
        const violation = asRuleViolation(error);
        if (violation) return ruleViolationResponse(violation, t, change.intent);
        throw error;
      }
      return json<Answer>({ intent: change.intent, ok: true, errors: {} });
    }
    // The other intents act on one account, never the admin's own (no locking oneself out).
    const { userId } = change;
    if (userId === admin.id) throw new ValidationError("own account");
    switch (change.intent) {
      case "role":
        setUserRole(actor, userId, change.role);
        break;
      case "password":
        try {
          await resetPassword(actor, userId, change.password);
        } catch (error) {
          const violation = asRuleViolation(error, "password");
          if (!violation) throw error;
          const errors = { password: t(`rules.${violation.code}`) };
          return json<Answer>({ intent: change.intent, userId, errors }, { status: 400 });
        }
        break;
      case "disable":
      case "enable":
        setUserDisabled(actor, userId, change.intent === "disable");
        break;
      case "unlock":
        unlockUser(actor, userId);
        break;
      case "reset-second-factor":
        resetSecondFactor(actor, userId);
        break;
    }
    return json<Answer>({ intent: change.intent, userId, ok: true, errors: {} });
  });
}

const EMPTY_ACCOUNT = { username: "", role: "member" as const, personId: "", password: "" };

function NewAccount({ people }: { people: { id: number; name: string }[] }) {
  const { t } = useT();
  const { register, errorFor, formError, onSubmit, busy } = useRemixForm(accountSchema, EMPTY_ACCOUNT, "create");
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="card stack" aria-label={t("users.new")}>
      <h2>{t("users.new")}</h2>
      <input type="hidden" name="intent" value="create" />
      <FormError message={formError} />
      <div className="form-grid">
        <TextField
          label={t("users.username")}
          registration={register("username")}
          error={errorFor("username")}
          hint={t("users.usernameHint")}
          dir="ltr"
          autoComplete="off"
        />
        <SelectField
          label={t("users.role")}
          registration={register("role")}
          error={errorFor("role")}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <SelectField
          label={t("users.name")}
          registration={register("personId")}
          error={errorFor("personId")}
          options={[
            { value: "", label: t("users.noPerson") },
            ...people.map((p) => ({ value: String(p.id), label: p.name })),
          ]}
        />
        <TextField
          label={t("users.password")}
          registration={register("password")}
          error={errorFor("password")}
          hint={t("users.passwordHint", { min: PASSWORD_MIN })}
          dir="ltr"
          type="password"
          autoComplete="new-password"
        />
      </div>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t("users.create")}</SubmitButton>
      </div>
    </Form>
  );
}

/** The message next to a control in a table row. */
function RowError({ message }: { message?: string }) {
  return message ? (
    <p className="field__error" role="alert">
      {message}
    </p>
  ) : null;
}

export default function Users() {
  const { users, people, me, secondFactorRequired } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t } = useT();
  const lang = useLang();
  const errorOf = (userId: number, intent: string, field: string) =>
    answer?.userId === userId && answer.intent === intent ? answer.errors[field] : undefined;
  const done = (userId: number, intent: string) =>
    answer?.userId === userId && answer.intent === intent && answer.ok === true;
  return (
    <div className="stack">
      <h1>{t("users.title")}</h1>
      {answer?.intent === "create" && answer.ok ? (
        <p className="alert alert--ok" role="status">
          {t("users.created")}
        </p>
      ) : null}
      <Form method="post" className="card row" aria-label={t("users.secondFactorSetting")}>
        <input type="hidden" name="intent" value="second-factor-setting" />
        <input type="hidden" name="required" value={secondFactorRequired ? "0" : "1"} />
        <p>{secondFactorRequired ? t("users.secondFactorOn") : t("users.secondFactorOff")}</p>
        <button type="submit" className="button button--small">
          {secondFactorRequired ? t("users.secondFactorTurnOff") : t("users.secondFactorTurnOn")}
        </button>
      </Form>
      <NewAccount people={people} />
      <p className="muted">{t("users.count", { count: users.length })}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("users.username")}</th>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.lastLogin")}</th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col">{t("users.password")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td dir="ltr">{u.username}</td>
                <td>{u.name}</td>
                <td>
                  {u.id === me ? (
                    t(`roles.${u.role}`)
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={u.id} />
                      <select
                        name="role"
                        defaultValue={u.role}
                        aria-label={`${t("users.role")}: ${u.username}`}
                        key={`${u.id}-${u.role}`}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`roles.${r}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--small">
                        {t("users.changeRole")}
                      </button>
                      <RowError message={errorOf(u.id, "role", "role")} />
                    </Form>
                  )}
                </td>
                <td>{u.lastLoginAt ? formatTimestamp(u.lastLoginAt, lang) : t("users.never")}</td>
                <td>
                  <div className="row">
                    <span className={u.disabledAt ? "badge badge--danger" : "badge badge--ok"}>
                      {u.disabledAt ? t("users.disabled") : t("users.active")}
                    </span>
                    {u.failures ? (
                      <Form method="post">
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="intent" value="unlock" />
                        <span className="badge badge--warn">{t("users.failures", { count: u.failures })}</span>{" "}
                        <button
                          type="submit"
                          className="button button--small"
                          aria-label={`${t("users.unlock")}: ${u.username}`}
                        >
                          {t("users.unlock")}
                        </button>
                      </Form>
                    ) : null}
                    {u.secondFactorSince ? <span className="badge badge--ok">{t("users.secondFactor")}</span> : null}
                    {u.secondFactorSince && u.id !== me ? (
                      <Form
                        method="post"
                        onSubmit={(e) => {
                          if (!window.confirm(t("users.resetSecondFactorConfirm", { name: u.username })))
                            e.preventDefault();
                        }}
                      >
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="intent" value="reset-second-factor" />
                        <button
                          type="submit"
                          className="button button--small"
                          aria-label={`${t("users.resetSecondFactor")}: ${u.username}`}
                        >
                          {t("users.resetSecondFactor")}
                        </button>
                      </Form>
                    ) : null}
                    {u.id === me ? null : (
                      <Form
                        method="post"
                        onSubmit={(e) => {
                          if (!u.disabledAt && !window.confirm(t("users.disableConfirm", { name: u.username })))
                            e.preventDefault();
                        }}
                      >
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="intent" value={u.disabledAt ? "enable" : "disable"} />
                        <button
                          type="submit"
                          className="button button--small"
                          aria-label={`${u.disabledAt ? t("users.enable") : t("users.disable")}: ${u.username}`}
                        >
                          {u.disabledAt ? t("users.enable") : t("users.disable")}
                        </button>
                      </Form>
                    )}
                  </div>
                </td>
                <td>
                  {u.id === me ? null : (
                    <Form method="post" className="inline-form" key={done(u.id, "password") ? "sent" : "open"}>
                      <input type="hidden" name="intent" value="password" />
                      <input type="hidden" name="userId" value={u.id} />
                      <input
                        type="password"
                        name="password"
                        dir="ltr"
                        autoComplete="new-password"
                        aria-label={`${t("users.newPassword")}: ${u.username}`}
                        aria-invalid={errorOf(u.id, "password", "password") ? true : undefined}
                      />
                      <button type="submit" className="button button--small">
                        {t("users.resetPassword")}
                      </button>
                      <RowError message={errorOf(u.id, "password", "password")} />
                      {done(u.id, "password") ? (
                        <p className="muted small" role="status">
                          {t("users.passwordSet")}
                        </p>
                      ) : null}
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
