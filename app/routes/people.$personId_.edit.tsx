import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PersonForm } from "../components/person-form";
import { canManageStructure, requireAllowed, requireScope } from "../models/access.server";
import { listOrganisationOptions } from "../models/organisations.server";
import { getPerson, updatePerson } from "../models/people.server";
import { personSchema } from "../schemas/organisation";
import { NotFoundError } from "../utils/errors";
import { invalidFormResponse, parseForm, requireId, ruleViolationResponse } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { formatPersonName } from "../utils/person-name";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.personEdit");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canManageStructure(scope), scope);
    const found = getPerson(scope, requireId(params.personId));
    if (!found) throw new NotFoundError();
    return json({ person: found.person, organisations: listOrganisationOptions(found.person.organisationId) });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canManageStructure(scope), scope);
    const id = requireId(params.personId);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), personSchema, t);
    if (!parsed.ok) return invalidFormResponse(parsed.errors);
    try {
      updatePerson(actor, id, parsed.data);
    } catch (error) {
      if (error instanceof RuleViolation) return ruleViolationResponse(error, t);
      throw error;
    }
    return redirect(`/people/${id}`);
  });
}

export default function EditPerson() {
  const { person, organisations } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  return (
    <div className="stack">
      <h1>{t("people.editTitle", { name: formatPersonName(person, lang) })}</h1>
      <PersonForm
        defaults={{
          honorific: person.honorific,
          title: person.title ?? "",
          firstName: person.firstName,
          lastName: person.lastName,
          organisation: person.organisation,
          organisationId: person.organisationId ? String(person.organisationId) : "",
          position: person.position,
          email: person.email,
          mobile: person.mobile,
        }}
        cancelTo={`/people/${person.id}`}
        organisations={organisations}
      />
    </div>
  );
}
