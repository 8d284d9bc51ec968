import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { MAIL_KINDS } from "../../db/enums";
import { requireScope } from "../models/access.server";
import { getMailPreferences, setMailPreferences } from "../models/mail.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useT } from "../utils/use-t";

export const handle = titled("titles.mailPrefs");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    return json(getMailPreferences(scope));
  });
}

/** The person turns kinds of mail off (or on again); the boxes left unticked are the kinds they do not want. */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const form = await request.formData();
    const wanted = new Set(form.getAll("on").map(String));
    setMailPreferences(
      actor,
      scope,
      MAIL_KINDS.filter((k) => !wanted.has(k)),
    );
    return json({ ok: true });
  });
}

export default function MailPreferences() {
  const { email, off } = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  return (
    <div className="stack">
      <h1>{t("mailPrefs.title")}</h1>
      <p>
        <Link to="/account/sessions">{t("account.sessionsTitle")}</Link>
      </p>
      <p dir="auto">{email ? t("mailPrefs.address", { email }) : t("mailPrefs.noAddress")}</p>
      <Form method="post" className="card stack">
        <fieldset className="stack mail-kinds">
          <legend>{t("mailPrefs.hint")}</legend>
          {MAIL_KINDS.map((k) => (
            <label key={k} className="checkbox">
              <input type="checkbox" name="on" value={k} defaultChecked={!off.includes(k)} /> {t(`mail.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
            {t("mailPrefs.save")}
          </button>
          <span role="status">{saved?.ok && navigation.state === "idle" ? t("mailPrefs.saved") : null}</span>
        </div>
      </Form>
    </div>
  );
}
