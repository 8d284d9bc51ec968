import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { OneTimeCodeField } from "../components/one-time-code-field";
import { requireScope } from "../models/access.server";
import {
  confirmSetup,
  disableOwnSecondFactor,
  renewRecoveryCodes,
  secondFactorStatus,
  setupSecret,
} from "../models/second-factor.server";
import { parseForm } from "../utils/forms.server";
import { formatTimestamp } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { finishSetupStep } from "../utils/session.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.twoFactor");

const code = z.string().trim().min(1, "secondFactor.codeRequired").max(40, "validation.tooLong");
const twoFactorSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), code }),
  z.object({ intent: z.literal("renew"), code }),
  z.object({ intent: z.literal("disable"), code }),
]);

/** Setting up, renewing and (where the role allows) turning off one's own second factor. */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { user } = await requireScope(request);
    const status = secondFactorStatus(user.id, user.role);
    const setup = status.enabledAt ? null : await setupSecret(user.id);
    return json({ status, setup, mustSetUp: user.step === "setup" });
  });
}

type Answer = { intent: string; error?: string; codes?: string[]; disabled?: boolean };

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { user, actor } = await requireScope(request, context);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), twoFactorSchema, t);
    if (!parsed.ok)
      return json<Answer>({ intent: parsed.intent ?? "", error: Object.values(parsed.errors)[0] }, { status: 400 });
    const { intent, code } = parsed.data;
    const wrong = () => json<Answer>({ intent, error: t("secondFactor.codeWrong") }, { status: 400 });
    switch (intent) {
      case "confirm": {
        const codes = confirmSetup(actor, code);
        if (!codes) return wrong();
        finishSetupStep(user.sessionId);
        return json<Answer>({ intent, codes });
      }
      case "renew": {
        const codes = renewRecoveryCodes(actor, code);
        return codes ? json<Answer>({ intent, codes }) : wrong();
      }
      case "disable":
        return disableOwnSecondFactor(actor, user.role, code) ? json<Answer>({ intent, disabled: true }) : wrong();
    }
  });
}

function CodeForm({ intent, label, error }: { intent: string; label: string; error?: string }) {
  const busy = useNavigation().state !== "idle";
  const id = `code-${intent}`;
  return (
    <Form method="post" className="stack" aria-label={label}>
      <input type="hidden" name="intent" value={intent} />
      <OneTimeCodeField id={id} error={error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {label}
        </button>
      </div>
    </Form>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useT();
  return (
    <section className="card stack" aria-labelledby="codes-title">
      <h2 id="codes-title">{t("secondFactor.codesTitle")}</h2>
      <p role="status">{t("secondFactor.codesIntro")}</p>
      <ol className="recovery-codes" dir="ltr">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p>
        <Link to="/" className="button">
          {t("secondFactor.continue")}
        </Link>
      </p>
    </section>
  );
}

export default function TwoFactor() {
  const { status, setup, mustSetUp } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useT();
  const lang = useLang();
  const errorOf = (intent: string) => (answer?.intent === intent ? answer.error : undefined);
  if (answer?.codes) return <RecoveryCodes codes={answer.codes} />;
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>{t("secondFactor.title")}</h1>
          <p className="muted">{t("secondFactor.intro")}</p>
        </div>
      </header>
      {mustSetUp ? (
        <p className="alert alert--warn" role="alert">
          {t("secondFactor.mustSetUp")}
        </p>
      ) : null}
      {answer?.disabled ? (
        <p className="alert alert--ok" role="status">
          {t("secondFactor.disabled")}
        </p>
      ) : null}
      {setup ? (
        <section className="card stack" aria-labelledby="setup-title">
          <h2 id="setup-title">{t("secondFactor.setupTitle")}</h2>
          <ol className="stack">
            <li>{t("secondFactor.step1")}</li>
            <li>
              {t("secondFactor.step2")}
              <div
                className="qr-code"
                role="img"
                aria-label={t("secondFactor.qrLabel")}
                // The SVG is drawn on the server by the qrcode package from the otpauth:// address; nothing typed.
                // biome-ignore lint/security/noDangerouslySetInnerHtml: server-made SVG of a QR code
                dangerouslySetInnerHTML={{ __html: setup.svg }}
              />
              <p>
                {t("secondFactor.manual")} <code dir="ltr">{setup.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
              </p>
            </li>
            <li>{t("secondFactor.step3")}</li>
          </ol>
          <CodeForm intent="confirm" label={t("secondFactor.confirm")} error={errorOf("confirm")} />
        </section>
      ) : (
        <>
          <section className="card stack" aria-labelledby="on-title">
            <h2 id="on-title">{t("secondFactor.onTitle")}</h2>
            <p>
              {t("secondFactor.onSince", { date: formatTimestamp(status.enabledAt ?? "", lang) })}{" "}
              {t("secondFactor.codesLeft", { count: status.recoveryCodesLeft })}
            </p>
            <CodeForm intent="renew" label={t("secondFactor.renew")} error={errorOf("renew")} />
          </section>
          {status.required ? (
            <p className="muted">{t("secondFactor.requiredForRole")}</p>
          ) : (
            <section className="card stack" aria-labelledby="off-title">
              <h2 id="off-title">{t("secondFactor.offTitle")}</h2>
              <CodeForm intent="disable" label={t("secondFactor.disable")} error={errorOf("disable")} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
