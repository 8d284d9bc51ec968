import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EMPTY_PERSON, PersonForm } from "../components/person-form";
import { canManageStructure, requireAllowed, requireScope } from "../models/access.server";
import { listOrganisationOptions } from "../models/organisations.server";
import { createPerson } from "../models/people.server";
import { personSchema } from "../schemas/organisation";
import { invalidFormResponse, parseForm, ruleViolationResponse } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useT } from "../utils/use-t";

export const handle = titled("titles.personNew");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canManageStructure(scope), scope);
    return json({ organisations: listOrganisationOptions() });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canManageStructure(scope), scope);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), personSchema, t);
    if (!parsed.ok) return invalidFormResponse(parsed.errors);
    try {
      const id = createPerson(actor, parsed.data);
      return redirect(`/people/${id}`);
    } catch (error) {
      if (error instanceof RuleViolation) return ruleViolationResponse(error, t);
      throw error;
    }
  });
}

export default function NewPerson() {
  const { organisations } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="stack">
      <h1>{t("people.newTitle")}</h1>
      <PersonForm defaults={EMPTY_PERSON} cancelTo="/people" organisations={organisations} />
    </div>
  );
}
