import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomBytes } from "node:crypto";
import type { EntryContext } from "@remix-run/node";
import type { Scope } from "../models/access.server";
import * as clock from "./clock.server";

/**
 * Rendered pages, by everything a render depends on: the build, the address, the language, today's date, the
 * reader's scope and the data of every loader on the page. A page whose data has not changed is sent again without
 * rendering it again; in a working office (a few writes a second) this is most page views, and rendering is most of
 * a data-heavy page's cost (npm run bench, mode office: see the README).
 *
 * That holds only if components read nothing but their loader data: not the clock, not cookies. It is enforced, not
 * asked for: components have no access to the request (so no cookies; `document.cookie` is refused by a source test),
 * and in test processes every render runs in `renderPurely`, where reading the clock throws — so any page of the e2e
 * suite that did would fail.
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

/** The key of a page render, or null when this response must be rendered afresh. Always includes the scope. */
export function renderKey(
  request: Request,
  scope: Scope | null,
  lang: string,
  status: number,
  context: EntryContext,
): string | null {
  const state = context.staticHandlerContext;
  if (!ENABLED || request.method !== "GET" || status !== 200 || state.errors || state.actionData) return null;
  if (state.activeDeferreds && Object.keys(state.activeDeferreds).length > 0) return null;
  // Remix has already serialised every loader's data for the page (the server handoff): hashed as it is.
  return createHash("sha1")
    .update(JSON.stringify([context.manifest.version, request.url, lang, clock.today(), scope]))
    .update(context.serverHandoffString ?? JSON.stringify(state.loaderData))
    .digest("base64");
}

const rendering = new AsyncLocalStorage<true>();

/** Runs a page render; in test processes, reading the clock inside it throws (see above). */
export function renderPurely<T>(render: () => T): T {
  return rendering.run(true, render);
}

/** True while a page is being rendered (in this async context). */
export const isRendering = () => rendering.getStore() === true;

if (clock.isTestEnvironment()) {
  // `Date.now()` and `new Date()` (no argument) are the clock; `new Date(value)` only formats a value.
  const RealDate = Date;
  const refuse = () => {
    if (isRendering())
      throw new Error("a component read the clock while rendering: take the day or instant from loader data");
  };
  const realNow = RealDate.now;
  RealDate.now = () => {
    refuse();
    return realNow();
  };
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      if (args.length === 0) refuse();
      return Reflect.construct(target, args, newTarget);
    },
    apply() {
      refuse();
      return new RealDate().toString();
    },
  });
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
