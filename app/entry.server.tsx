import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { getAccess } from "./models/access.server";
import { startScheduler } from "./models/scheduler.server";
import { db } from "./utils/db.server";
import { getLang, serverI18n } from "./utils/locale.server";
import { startMailSender } from "./utils/mail-sender.server";
import { NonceContext } from "./utils/nonce";
import { NONCE_PLACEHOLDER, rememberPage, renderedPage, renderKey, renderPurely } from "./utils/render-cache.server";

// Importing the database here opens it and applies pending migrations when the server starts, not on a first request.
void db;
// The daily reminders (with a catch-up run now) and the mail sender (only with SMTP_URL) run inside this process.
startScheduler();
startMailSender();

const ABORT_DELAY = 5_000;

/**
 * react-dom 18.3.1's Node renderer leaves a NUL byte where a Persian letter does not fit at the end of its 2 KB
 * buffer (react#31134): the letter is written whole in the next buffer, the NUL stays and shows as «�». A 0x00 byte
 * is never part of a longer UTF-8 character and never belongs in HTML, so every page goes through this filter.
 */
function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.indexOf(0) === -1) return done(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let n = 0;
      for (const byte of chunk) if (byte !== 0) kept[n++] = byte;
      done(null, kept.subarray(0, n));
    },
  });
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const lang = await getLang(request);
  const nonce = loadContext.nonce as string;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // Pages show confidential records: never kept by the browser or a proxy.
  if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "no-store");

  // A page rendered before from the same data is sent again (see render-cache.server.ts).
  const access = await getAccess(request);
  const key = renderKey(request, access?.scope ?? null, lang, responseStatusCode, remixContext);
  const remembered = key ? renderedPage(key, nonce) : undefined;
  if (remembered !== undefined) {
    responseHeaders.set("Content-Length", String(remembered.length));
    return new Response(remembered, { headers: responseHeaders, status: responseStatusCode });
  }

  const renderNonce = key ? NONCE_PLACEHOLDER : nonce;
  const bot = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    let failed = false;
    const { pipe, abort } = renderPurely(() =>
      renderToPipeableStream(
        <NonceContext.Provider value={renderNonce}>
          <I18nextProvider i18n={serverI18n(lang)}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={renderNonce} />
          </I18nextProvider>
        </NonceContext.Provider>,
        {
          [key || bot ? "onAllReady" : "onShellReady"]() {
            shellRendered = true;
            if (key) {
              // Collected whole, remembered, then sent with this response's nonce.
              const chunks: Buffer[] = [];
              const sink = withoutNulBytes();
              sink.on("data", (chunk: Buffer) => chunks.push(chunk));
              sink.on("end", () => {
                const html = Buffer.concat(chunks).toString("utf8");
                if (!failed) rememberPage(key, html);
                resolve(
                  new Response(html.replaceAll(NONCE_PLACEHOLDER, nonce), {
                    headers: responseHeaders,
                    status: responseStatusCode,
                  }),
                );
              });
              pipe(sink);
              return;
            }
            const body = withoutNulBytes();
            resolve(
              new Response(createReadableStreamFromReadable(body), {
                headers: responseHeaders,
                status: responseStatusCode,
              }),
            );
            pipe(body);
          },
          onShellError(error: unknown) {
            reject(error);
          },
          onError(error: unknown) {
            failed = true;
            responseStatusCode = 500;
            if (shellRendered) console.error(error);
          },
        },
      ),
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Data requests (client navigation) carry the same records as pages: not cached either. */
export function handleDataRequest(response: Response) {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  return response;
}

/** Logs server errors once, without sending details to the visitor. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
