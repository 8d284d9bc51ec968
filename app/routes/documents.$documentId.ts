import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireScope } from "../models/access.server";
import { openDocument, removeDocument } from "../models/documents.server";
import { downloadName } from "../utils/download-name";
import { requireId } from "../utils/forms.server";
import { getFixedT } from "../utils/locale.server";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";

/**
 * A document, as a download only: its type as read from its bytes, never shown inline (no HTML, no SVG is ever
 * accepted, and the answer is sandboxed besides; the server adds nosniff to every answer), and only to those who
 * may read the record it belongs to.
 */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const doc = openDocument(scope, requireId(params.documentId));
    return new Response(new Uint8Array(doc.bytes), {
      headers: {
        "Content-Type": doc.mimeType,
        "Content-Length": String(doc.bytes.byteLength),
        "Content-Disposition": downloadName(doc.fileName, `document-${doc.id}.${doc.fileType}`),
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Cache-Control": "private, no-store",
      },
    });
  });
}

/** Removes a document (its uploader or the secretariat); audited, and refused once its record is final. */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const { t } = await getFixedT(request);
    try {
      removeDocument(actor, scope, requireId(params.documentId));
    } catch (error) {
      if (error instanceof RuleViolation)
        return json({ ok: false, errors: { files: t(`rules.${error.code}`) } }, { status: 409 });
      throw error;
    }
    return json({ ok: true, errors: null });
  });
}
