import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BodyForm } from "../components/body-form";
import { canManageStructure, requireAllowed, requireScope } from "../models/access.server";
import { createBody, listParentOptions } from "../models/bodies.server";
import { bodySchema } from "../schemas/organisation";
import { invalidFormResponse, parseForm, ruleViolationResponse } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useT } from "../utils/use-t";

export const handle = titled("titles.bodyNew");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canManageStructure(scope), scope);
    return json({ parents: listParentOptions() });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canManageStructure(scope), scope);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), bodySchema, t);
    if (!parsed.ok) return invalidFormResponse(parsed.errors);
    try {
      const id = createBody(actor, parsed.data);
      return redirect(`/bodies/${id}`);
    } catch (error) {
      if (error instanceof RuleViolation) return ruleViolationResponse(error, t);
      throw error;
    }
  });
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
          outsideHq: false,
          active: true,
          duties: "",
          firstMeetingNumber: "",
          quorumKind: "majority",
          quorumCount: "",
          resolutionNumbering: "per_meeting",
          firstResolutionNumber: "",
          signoffRule: "all",
        }}
        parents={parents}
        cancelTo="/bodies"
        showActive={false}
      />
    </div>
  );
}
