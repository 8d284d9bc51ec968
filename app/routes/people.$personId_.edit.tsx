import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PersonForm } from "../components/person-form";
import { getPerson, updatePerson } from "../models/people.server";
import { personSchema } from "../schemas/organisation";
import { invalidFormResponse, parseForm, requireId } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { canManageStructure, requirePermission } from "../utils/permissions.server";
import { formatPersonName } from "../utils/person-name";
import { clientIp } from "../utils/request.server";
import { requireUser } from "../utils/session.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(canManageStructure(user), user, request);
  const found = getPerson(requireId(params.personId));
  if (!found) throw new Response("Not found", { status: 404 });
  return json({ person: found.person });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(canManageStructure(user), user, request);
  const id = requireId(params.personId);
  const { t } = await getFixedT(request);
  const parsed = parseForm(await request.formData(), personSchema, t);
  if (!parsed.ok) return invalidFormResponse(parsed.errors);
  updatePerson({ userId: user.id, ip: clientIp(context) }, id, parsed.data);
  return redirect(`/people/${id}`);
}

export default function EditPerson() {
  const { person } = useLoaderData<typeof loader>();
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
          position: person.position,
          email: person.email,
          mobile: person.mobile,
        }}
        cancelTo={`/people/${person.id}`}
      />
    </div>
  );
}
