import { createHash, randomBytes } from "node:crypto";
import type { EntryContext } from "@remix-run/node";
import * as clock from "./clock.server";

/**
 * Rendered pages, by everything a render depends on: the build, the address, the language, today's date and the
 * data of every loader on the page (which names who is signed in). Components read nothing else — not the clock,
 * not cookies — so the same inputs give the same HTML, and a page whose data has not changed is sent again without
 * rendering it again. Rendering was most of the cost of a data-heavy page (a 25-row table: ≈ 5 ms of a 7 ms request).
 *
 * Every response has its own CSP nonce: pages are rendered with a placeholder, random per process so no typed text
 * can contain it, and the placeholder is replaced on the way out. Only plain successful GETs are kept (no action data,
 * no errors, nothing deferred), at most 32 MB of them, oldest first out. RENDER_CACHE=off renders every time.
 */
export const NONCE_PLACEHOLDER = `nonce-${randomBytes(12).toString("hex")}`;
const ENABLED = process.env.RENDER_CACHE !== "off";
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_PAGE_BYTES = 1024 * 1024;
// A page is kept as UTF-8 bytes cut at each nonce placeholder: sending it again only joins the pieces.
const pages = new Map<string, { pieces: Buffer[]; size: number }>();
let bytes = 0;

/** The key of a page render, or null when this response must be rendered afresh. */
export function renderKey(request: Request, lang: string, status: number, context: EntryContext): string | null {
  const state = context.staticHandlerContext;
  if (!ENABLED || request.method !== "GET" || status !== 200 || state.errors || state.actionData) return null;
  if (state.activeDeferreds && Object.keys(state.activeDeferreds).length > 0) return null;
  // Remix has already serialised every loader's data for the page (the server handoff): hashed as it is.
  return createHash("sha1")
    .update(JSON.stringify([context.manifest.version, request.url, lang, clock.today()]))
    .update(context.serverHandoffString ?? JSON.stringify(state.loaderData))
    .digest("base64");
}

/** The remembered page for a key, as bytes, with this response's nonce in place of the placeholder. */
export function renderedPage(key: string, nonce: string): Buffer<ArrayBuffer> | undefined {
  const pieces = pages.get(key)?.pieces;
  if (!pieces) return undefined;
  const nonceBytes = Buffer.from(nonce);
  return Buffer.concat(pieces.flatMap((piece, i) => (i === 0 ? [piece] : [nonceBytes, piece])));
}

export function rememberPage(key: string, html: string) {
  if (pages.has(key)) return;
  const pieces = html.split(NONCE_PLACEHOLDER).map((piece) => Buffer.from(piece));
  const size = pieces.reduce((sum, piece) => sum + piece.length, 0);
  if (size > MAX_PAGE_BYTES) return;
  pages.set(key, { pieces, size });
  bytes += size;
  for (const [oldest, old] of pages) {
    if (bytes <= MAX_BYTES) break;
    pages.delete(oldest);
    bytes -= old.size;
  }
}
