import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { EMPTY_PERSON, PersonForm } from "../components/person-form";
import { createPerson } from "../models/people.server";
import { personSchema } from "../schemas/organisation";
import { invalidFormResponse, parseForm } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { canManageStructure, requirePermission } from "../utils/permissions.server";
import { clientIp } from "../utils/request.server";
import { requireUser } from "../utils/session.server";
import { useT } from "../utils/use-t";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(canManageStructure(user), user, request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(canManageStructure(user), user, request);
  const { t } = await getFixedT(request);
  const parsed = parseForm(await request.formData(), personSchema, t);
  if (!parsed.ok) return invalidFormResponse(parsed.errors);
  const id = createPerson({ userId: user.id, ip: clientIp(context) }, parsed.data);
  return redirect(`/people/${id}`);
}

export default function NewPerson() {
  const { t } = useT();
  return (
    <div className="stack">
      <h1>{t("people.newTitle")}</h1>
      <PersonForm defaults={EMPTY_PERSON} cancelTo="/people" />
    </div>
  );
}
