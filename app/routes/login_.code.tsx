import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { OneTimeCodeField } from "../components/one-time-code-field";
import { verifySecondFactor } from "../models/second-factor.server";
import { getFixedT, waitText } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { clientIp } from "../utils/request.server";
import { route } from "../utils/route.server";
import { completeSignIn, getPendingSignIn, safeRedirect } from "../utils/session.server";
import { useT } from "../utils/use-t";

export const handle = titled("titles.loginCode");

/** The second step of a sign-in: the password was right; a one-time code (or a recovery code) finishes it. */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    if (!(await getPendingSignIn(request))) throw redirect("/login");
    return null;
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { t } = await getFixedT(request);
    const pending = await getPendingSignIn(request);
    // Five minutes after the password, the waiting session has gone: the sign-in starts again.
    if (!pending) throw redirect("/login");
    const form = await request.formData();
    const code = String(form.get("code") ?? "").slice(0, 40);
    const redirectTo = safeRedirect(form.get("redirectTo"));
    if (!code.trim()) return json({ error: t("secondFactor.codeRequired") }, { status: 400 });
    const ip = clientIp(context);
    const check = verifySecondFactor(pending.userId, code, ip);
    if (!check.ok && check.waitMs) {
      return json(
        { error: t("login.errors.throttled", { wait: waitText(check.waitMs, t) }) },
        { status: 429, headers: { "Retry-After": String(Math.ceil(check.waitMs / 1000)) } },
      );
    }
    if (!check.ok) return json({ error: t("secondFactor.codeWrong") }, { status: 400 });
    return redirect(redirectTo, { headers: { "Set-Cookie": await completeSignIn(request, pending, ip) } });
  });
}

export default function LoginCode() {
  const { t } = useT();
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <section className="login card" aria-labelledby="code-title">
      <h1 id="code-title">{t("secondFactor.signInTitle")}</h1>
      <p className="muted">{t("secondFactor.signInIntro")}</p>
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <OneTimeCodeField id="code" error={answer?.error} autoFocus />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("secondFactor.verify")}
        </button>
      </Form>
    </section>
  );
}
