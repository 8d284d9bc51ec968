import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BodyForm } from "../components/body-form";
import { getBody, listParentOptions, updateBody } from "../models/bodies.server";
import { bodySchema } from "../schemas/organisation";
import { invalidFormResponse, parseForm, requireId, ruleViolationResponse } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { canManageStructure, requirePermission } from "../utils/permissions.server";
import { clientIp } from "../utils/request.server";
import { RuleViolation } from "../utils/rules";
import { requireUser } from "../utils/session.server";
import { useT } from "../utils/use-t";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(canManageStructure(user), user, request);
  const id = requireId(params.bodyId);
  const found = getBody(id);
  if (!found) throw new Response("Not found", { status: 404 });
  return json({ body: found.body, parents: listParentOptions(id) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(canManageStructure(user), user, request);
  const id = requireId(params.bodyId);
  const { t } = await getFixedT(request);
  const parsed = parseForm(await request.formData(), bodySchema, t);
  if (!parsed.ok) return invalidFormResponse(parsed.errors);
  try {
    updateBody({ userId: user.id, ip: clientIp(context) }, id, parsed.data);
    return redirect(`/bodies/${id}`);
  } catch (error) {
    if (error instanceof RuleViolation) return ruleViolationResponse(error, t);
    throw error;
  }
}

export default function EditBody() {
  const { body, parents } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="stack">
      <h1>{t("bodies.editTitle", { name: body.name })}</h1>
      <BodyForm
        defaults={{
          name: body.name,
          code: body.code,
          kind: body.kind,
          parentId: body.parentId ? String(body.parentId) : "",
          isExternal: body.isExternal,
          active: body.active,
          duties: body.duties,
        }}
        parents={parents}
        cancelTo={`/bodies/${body.id}`}
        showActive
      />
    </div>
  );
}
