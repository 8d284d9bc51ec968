import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { EMPTY_ORGANISATION, OrganisationForm } from "../components/organisation-form";
import { canManageOrganisations, requireAllowed, requireScope } from "../models/access.server";
import { createOrganisation } from "../models/organisations.server";
import { organisationSchema } from "../schemas/organisation";
import { invalidFormResponse, parseForm, ruleViolationResponse } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { asRuleViolation } from "../utils/rules";
import { useT } from "../utils/use-t";

export const handle = titled("titles.organisationNew");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canManageOrganisations(scope), scope);
    return null;
  });
}

/**
 * Creates an organisation: from its form (then its page opens), or from the paste dialog of the minutes editor
 * (`from=paste`: answers with the new organisation, so the dialog assigns it and keeps the pasted rows).
 */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canManageOrganisations(scope), scope);
    const { t } = await getFixedT(request);
    const form = await request.formData();
    const fromPaste = form.get("from") === "paste";
    const parsed = parseForm(form, organisationSchema, t);
    if (!parsed.ok) return invalidFormResponse(parsed.errors);
    try {
      const id = createOrganisation(actor, parsed.data);
      if (fromPaste) return json({ ok: true, organisation: { id, name: parsed.data.name, kind: parsed.data.kind } });
      return redirect(`/organisations/${id}`);
    } catch (error) {
      const rule = asRuleViolation(error);
      if (rule) return ruleViolationResponse(rule, t);
      throw error;
    }
  });
}

export default function NewOrganisation() {
  const { t } = useT();
  return (
    <div className="stack">
      <h1>{t("organisations.newTitle")}</h1>
      <OrganisationForm defaults={EMPTY_ORGANISATION} cancelTo="/organisations" showActive={false} />
    </div>
  );
}
