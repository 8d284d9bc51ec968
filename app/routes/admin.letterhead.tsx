import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { canAdminister, requireAllowed, requireScope } from "../models/access.server";
import { EMBLEM_MAX_BYTES, EmblemRefused, getLetterhead, setLetterhead } from "../models/letterhead.server";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useT } from "../utils/use-t";

export const handle = titled("titles.letterhead");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canAdminister(scope), scope);
    return json({ letterhead: getLetterhead() });
  });
}

/** The admin sets the letterhead: the name, «بسمه تعالی», and an emblem (a small PNG or JPEG, read from its bytes). */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canAdminister(scope), scope);
    const { t } = await getFixedT(request);
    const refuse = (field: string, message: string) =>
      json({ ok: false, errors: { [field]: message } as Record<string, string> }, { status: 400 });
    if (Number(request.headers.get("content-length") ?? 0) > EMBLEM_MAX_BYTES + 64 * 1024)
      return refuse("emblem", t("letterhead.admin.emblemRefused"));
    const form = await request.formData();
    const orgName = String(form.get("orgName") ?? "").trim();
    if (orgName.length > 200) return refuse("orgName", t("validation.tooLong"));
    const file = form.get("emblem");
    const upload = typeof file !== "string" && file && file.size > 0 ? file : null;
    try {
      setLetterhead(actor, {
        orgName,
        bismillah: form.get("bismillah") === "on",
        emblem:
          form.get("removeEmblem") === "on"
            ? null
            : upload
              ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) }
              : undefined,
      });
    } catch (error) {
      if (error instanceof EmblemRefused) return refuse("emblem", t("letterhead.admin.emblemRefused"));
      throw error;
    }
    return json({ ok: true, errors: {} as Record<string, string> });
  });
}

export default function LetterheadPage() {
  const { letterhead } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const errors = result?.errors ?? {};
  return (
    <div className="stack">
      <h1>{t("letterhead.admin.title")}</h1>
      <p className="muted">{t("letterhead.admin.intro")}</p>
      <Form method="post" encType="multipart/form-data" className="card stack" aria-label={t("letterhead.admin.title")}>
        <div className="field">
          <label htmlFor="orgName">{t("letterhead.admin.orgName")}</label>
          <input
            id="orgName"
            name="orgName"
            defaultValue={letterhead.orgName}
            maxLength={200}
            aria-invalid={errors.orgName ? true : undefined}
            aria-describedby={errors.orgName ? "orgName-error" : undefined}
          />
          {errors.orgName ? (
            <p id="orgName-error" className="field__error">
              {errors.orgName}
            </p>
          ) : null}
        </div>
        <label className="checkbox">
          <input type="checkbox" name="bismillah" defaultChecked={letterhead.bismillah} />
          {t("letterhead.admin.bismillah")}
        </label>
        <div className="field">
          <label htmlFor="emblem">{t("letterhead.admin.emblem")}</label>
          {letterhead.emblem ? (
            <img src={letterhead.emblem} alt={letterhead.orgName} className="letterhead-emblem" />
          ) : (
            <p className="muted small">{t("letterhead.admin.noEmblem")}</p>
          )}
          <input
            id="emblem"
            type="file"
            name="emblem"
            accept=".png,.jpg,.jpeg"
            aria-invalid={errors.emblem ? true : undefined}
            aria-describedby={errors.emblem ? "emblem-error" : undefined}
          />
          {errors.emblem ? (
            <p id="emblem-error" className="field__error" role="alert">
              {errors.emblem}
            </p>
          ) : null}
        </div>
        {letterhead.emblem ? (
          <label className="checkbox">
            <input type="checkbox" name="removeEmblem" />
            {t("letterhead.admin.removeEmblem")}
          </label>
        ) : null}
        <div className="row">
          <button type="submit" className="button button--primary" disabled={navigation.state !== "idle"}>
            {t("letterhead.admin.save")}
          </button>
          <span role="status">{result?.ok ? t("letterhead.admin.saved") : null}</span>
        </div>
      </Form>
    </div>
  );
}
