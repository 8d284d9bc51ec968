import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BodyForm } from "../components/body-form";
import { createBody, listParentOptions } from "../models/bodies.server";
import { bodySchema } from "../schemas/organisation";
import { invalidFormResponse, parseForm, ruleViolationResponse } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { canManageStructure, requirePermission } from "../utils/permissions.server";
import { clientIp } from "../utils/request.server";
import { RuleViolation } from "../utils/rules";
import { requireUser } from "../utils/session.server";
import { useT } from "../utils/use-t";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(canManageStructure(user), user, request);
  return json({ parents: listParentOptions() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(canManageStructure(user), user, request);
  const { t } = await getFixedT(request);
  const parsed = parseForm(await request.formData(), bodySchema, t);
  if (!parsed.ok) return invalidFormResponse(parsed.errors);
  try {
    const id = createBody({ userId: user.id, ip: clientIp(context) }, parsed.data);
    return redirect(`/bodies/${id}`);
  } catch (error) {
    if (error instanceof RuleViolation) return ruleViolationResponse(error, t);
    throw error;
  }
}

export default function NewBody() {
  const { parents } = useLoaderData<typeof loader>();
  const { t } = useT();
  const council = parents.find((p) => p.kind === "council");
  return (
    <div className="stack">
      <h1>{t("bodies.newTitle")}</h1>
      <BodyForm
        defaults={{
          name: "",
          code: "",
          kind: "committee",
          parentId: council ? String(council.id) : "",
          isExternal: false,
          active: true,
          duties: "",
        }}
        parents={parents}
        cancelTo="/bodies"
        showActive={false}
      />
    </div>
  );
}
