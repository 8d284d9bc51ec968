import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { SETUP_PATH } from "../models/access.server";
import { hasSecondFactor, isSecondFactorEnforced, isSecondFactorRequired } from "../models/second-factor.server";
import { verifyLogin } from "../models/users.server";
import { getFixedT, waitText } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { clientIp } from "../utils/request.server";
import { route } from "../utils/route.server";
import { createUserSession, getUser, safeRedirect } from "../utils/session.server";
import { useT } from "../utils/use-t";

export const handle = titled("titles.login");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const user = await getUser(request);
    if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
    return json({ secondFactorOptional: !isSecondFactorEnforced() });
  });
}

type ActionErrors = { username?: string; password?: string; form?: string };

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { t } = await getFixedT(request);
    const form = await request.formData();
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const redirectTo = safeRedirect(form.get("redirectTo"));
    const errors: ActionErrors = {};
    if (!username) errors.username = t("login.errors.usernameRequired");
    if (!password) errors.password = t("login.errors.passwordRequired");
    if (errors.username || errors.password) return json({ errors, username }, { status: 400 });

    const result = await verifyLogin(username, password, clientIp(context));
    if (!result.ok && result.waitMs) {
      const errors: ActionErrors = { form: t("login.errors.throttled", { wait: waitText(result.waitMs, t) }) };
      const retryAfter = String(Math.ceil(result.waitMs / 1000));
      return json({ errors, username }, { status: 429, headers: { "Retry-After": retryAfter } });
    }
    if (!result.ok)
      return json({ errors: { form: t("login.errors.invalid") } as ActionErrors, username }, { status: 400 });

    // The password was right. With a second factor, the sign-in waits for its code; an account that must have one
    // and has none may only set it up.
    const ip = clientIp(context);
    const step = hasSecondFactor(result.userId) ? "code" : isSecondFactorRequired(result.role) ? "setup" : null;
    const cookie = await createUserSession(request, result.userId, ip, result.failedBefore, step);
    const next = step === "code" ? `/login/code?redirectTo=${encodeURIComponent(redirectTo)}` : redirectTo;
    return redirect(step === "setup" ? SETUP_PATH : next, { headers: { "Set-Cookie": cookie } });
  });
}

export default function Login() {
  const { t } = useT();
  const actionData = useActionData<typeof action>();
  const loaderData = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction === "/login";
  const errors = actionData?.errors;
  return (
    <section className="login card" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <p className="muted">{t("login.intro")}</p>
      {errors?.form ? (
        <p className="alert alert--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <div className="field">
          <label htmlFor="username">{t("login.username")}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            dir="ltr"
            defaultValue={actionData?.username ?? ""}
            aria-invalid={errors?.username ? true : undefined}
            aria-describedby={errors?.username ? "username-error" : undefined}
            autoFocus
          />
          {errors?.username ? (
            <p className="field__error" id="username-error">
              {errors.username}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="password">{t("login.password")}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            dir="ltr"
            aria-invalid={errors?.password ? true : undefined}
            aria-describedby={errors?.password ? "password-error" : undefined}
          />
          {errors?.password ? (
            <p className="field__error" id="password-error">
              {errors.password}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("login.submitting") : t("login.submit")}
        </button>
      </Form>
      {loaderData?.secondFactorOptional ? <p className="muted small">{t("login.secondFactorOff")}</p> : null}
    </section>
  );
}
