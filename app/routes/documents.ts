import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { DOCUMENT_ENTITIES } from "../../db/enums";
import { requireScope } from "../models/access.server";
import { addDocuments, UploadRefused } from "../models/documents.server";
import { NotFoundError } from "../utils/errors";
import { DOCUMENT_LIMITS } from "../utils/limits";
import { getFixedT } from "../utils/locale.server";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";

const targetSchema = z.object({
  entity: z.enum(DOCUMENT_ENTITIES),
  entityId: z.coerce.number().int().positive(),
  /** A part of a meeting's open minutes («agenda:KEY», «report:KEY»); the model checks it is one of them. */
  part: z.string().max(60).optional(),
});

/**
 * Attaches documents to a record (a fetcher's POST from a documents panel). Answers JSON: `{ ok }` or the reason
 * beside the file field. The size is refused from the request's length before its body is read.
 */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const { t } = await getFixedT(request);
    const refuse = (message: string) => json({ ok: false, errors: { files: message } }, { status: 400 });
    const length = Number(request.headers.get("content-length") ?? Number.NaN);
    if (!(length <= DOCUMENT_LIMITS.requestBytes)) return refuse(t("documents.errors.request"));
    const form = await request.formData();
    const target = targetSchema.safeParse({
      entity: form.get("entity"),
      entityId: form.get("entityId"),
      part: form.get("part") || undefined,
    });
    if (!target.success) throw new NotFoundError();
    const files = await Promise.all(
      form
        .getAll("files")
        .filter((f): f is File => typeof f !== "string" && f.size > 0)
        .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    try {
      const ids = addDocuments(actor, scope, target.data, files);
      return json({ ok: true, count: ids.length, errors: null });
    } catch (error) {
      if (error instanceof UploadRefused)
        return refuse(t(`documents.errors.${error.reason}`, { name: error.fileName }));
      if (error instanceof RuleViolation) return refuse(t(`rules.${error.code}`));
      throw error;
    }
  });
}

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    await requireScope(request);
    throw new NotFoundError();
  });
}
