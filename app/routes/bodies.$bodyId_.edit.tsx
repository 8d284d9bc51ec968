import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BodyForm } from "../components/body-form";
import { canManageStructure, requireAllowed, requireScope } from "../models/access.server";
import { bodyHasResolutions, getBody, listParentOptions, updateBody } from "../models/bodies.server";
import { bodySchema } from "../schemas/organisation";
import { NotFoundError } from "../utils/errors";
import { invalidFormResponse, parseForm, requireId, ruleViolationResponse } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useT } from "../utils/use-t";

export const handle = titled("titles.bodyEdit");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canManageStructure(scope), scope);
    const id = requireId(params.bodyId);
    const found = getBody(id);
    if (!found) throw new NotFoundError();
    return json({ body: found.body, parents: listParentOptions(id), hasResolutions: bodyHasResolutions(id) });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canManageStructure(scope), scope);
    const id = requireId(params.bodyId);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), bodySchema, t);
    if (!parsed.ok) return invalidFormResponse(parsed.errors);
    try {
      updateBody(actor, id, parsed.data);
      return redirect(`/bodies/${id}`);
    } catch (error) {
      if (error instanceof RuleViolation) return ruleViolationResponse(error, t);
      throw error;
    }
  });
}

export default function EditBody() {
  const { body, parents, hasResolutions } = useLoaderData<typeof loader>();
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
          outsideHq: body.outsideHq,
          active: body.active,
          duties: body.duties,
          firstMeetingNumber: String(body.firstMeetingNumber),
          quorumKind: body.quorumKind,
          quorumCount: body.quorumCount ? String(body.quorumCount) : "",
          resolutionNumbering: body.resolutionNumbering,
          firstResolutionNumber: String(body.firstResolutionNumber),
          signoffRule: body.signoffRule,
        }}
        numberingLocked={hasResolutions}
        parents={parents}
        cancelTo={`/bodies/${body.id}`}
        showActive
      />
    </div>
  );
}
