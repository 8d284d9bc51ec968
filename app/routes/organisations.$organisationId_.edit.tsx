import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrganisationForm } from "../components/organisation-form";
import { canManageOrganisations, requireAllowed, requireScope } from "../models/access.server";
import { getOrganisation, updateOrganisation } from "../models/organisations.server";
import { organisationSchema } from "../schemas/organisation";
import { NotFoundError } from "../utils/errors";
import { invalidFormResponse, parseForm, requireId, ruleViolationResponse } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { asRuleViolation } from "../utils/rules";
import { useT } from "../utils/use-t";

export const handle = titled("titles.organisationEdit");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canManageOrganisations(scope), scope);
    const found = getOrganisation(scope, requireId(params.organisationId));
    if (!found) throw new NotFoundError();
    return json({ organisation: found.organisation });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canManageOrganisations(scope), scope);
    const id = requireId(params.organisationId);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), organisationSchema, t);
    if (!parsed.ok) return invalidFormResponse(parsed.errors);
    try {
      updateOrganisation(actor, id, parsed.data);
    } catch (error) {
      const rule = asRuleViolation(error);
      if (rule) return ruleViolationResponse(rule, t);
      throw error;
    }
    return redirect(`/organisations/${id}`);
  });
}

export default function EditOrganisation() {
  const { organisation } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="stack">
      <h1>{t("organisations.editTitle", { name: organisation.name })}</h1>
      <OrganisationForm
        defaults={{
          name: organisation.name,
          kind: organisation.kind,
          aliases: organisation.aliasList.join("\n"),
          active: organisation.active,
        }}
        cancelTo={`/organisations/${organisation.id}`}
        showActive
      />
    </div>
  );
}
