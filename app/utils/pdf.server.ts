import { readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";

/**
 * Printing HTML to PDF with Debian's Chromium through Playwright. One browser is kept warm and reused; each print
 * gets its own page, at most PDF_CONCURRENCY (2) at a time, so the server keeps answering other requests meanwhile.
 * A printing page runs no scripts and reaches nothing outside itself: the document and its fonts come in whole.
 */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  // No host name or address resolves, so what request interception never sees (the connection a frame or a refresh
  // opens ahead of its request, prefetch, preconnect) reaches nothing either.
  "--host-resolver-rules=MAP * ~NOTFOUND",
];

let browser: Promise<Browser> | null = null;

function getBrowser(): Promise<Browser> {
  if (!browser) {
    const launching = chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ARGS });
    browser = launching;
    launching
      .then((b) =>
        b.on("disconnected", () => {
          if (browser === launching) browser = null;
        }),
      )
      .catch(() => {
        if (browser === launching) browser = null;
      });
  }
  return browser;
}

let fontCss: string | null = null;
/**
 * Vazirmatn embedded as data URLs: printed pages must not fetch anything. Printing uses the static regular and bold
 * cuts rather than the variable font the screen uses: Chromium prints them faster (≈ 80 ms on the 80-page report)
 * and the PDF is 15 % smaller. Semi-bold text prints bold.
 */
function embeddedFont(): string {
  const face = (file: string, weight: number) =>
    `@font-face{font-family:"Vazirmatn";src:url(data:font/woff2;base64,${readFileSync(
      path.resolve("public/fonts", file),
    ).toString("base64")}) format("woff2");font-weight:${weight};}`;
  fontCss ??= face("vazirmatn-regular.woff2", 400) + face("vazirmatn-bold.woff2", 700);
  return fontCss;
}

const styleCache = new Map<string, string>();
/** A stylesheet of the app, read once from app/styles. */
export function appStyles(name: string): string {
  let css = styleCache.get(name);
  if (css === undefined) {
    css = readFileSync(path.resolve("app/styles", name), "utf8");
    styleCache.set(name, css);
  }
  return css;
}

export class PdfError extends Error {}

/** Too many prints are running and waiting: the answer is 503, try again shortly. */
export class PdfBusyError extends PdfError {
  constructor() {
    super("too many prints waiting");
  }
}

/** The 503 answer to a print that did not happen, with the reason in the reader's language. */
export function unavailableResponse(message: string) {
  return new Response(message, {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5", "Cache-Control": "no-store" },
  });
}

type Job<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Runs jobs at most `concurrency` at a time with at most `waiting` in line; one more is refused with a PdfBusyError,
 * as is one that waited `timeoutMs` without starting. A job running longer than `timeoutMs` is aborted (its signal)
 * and rejects with a PdfError; its place is given on once it has stopped. So every job ends within 2 × `timeoutMs`.
 */
export function printQueue({
  concurrency,
  waiting,
  timeoutMs,
}: {
  concurrency: number;
  waiting: number;
  timeoutMs: number;
}) {
  let running = 0;
  const line: (() => void)[] = [];

  function turn(): Promise<void> {
    if (running < concurrency) {
      running++;
      return Promise.resolve();
    }
    if (line.length >= waiting) return Promise.reject(new PdfBusyError());
    return new Promise((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        line.splice(line.indexOf(go), 1);
        reject(new PdfBusyError());
      }, timeoutMs);
      line.push(go);
    });
  }

  function release() {
    const next = line.shift();
    if (next) next();
    else running--;
  }

  return async function run<T>(job: Job<T>): Promise<T> {
    await turn();
    const controller = new AbortController();
    const done = job(controller.signal);
    done.then(release, release);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new PdfError(`print took longer than ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

// Sixteen prints at once held 5.2–5.5 GB across some 50 processes and answered none for 11–35 s; two at a time print
// them as fast on two cores (22–32 s), the first in about a second, in 1.2–1.3 GB with the server.
const queued = printQueue({
  concurrency: setting("PDF_CONCURRENCY", 2),
  waiting: setting("PDF_QUEUE", 16),
  timeoutMs: setting("PDF_TIMEOUT_MS", 30_000),
});

export type PrintOptions = {
  lang: "fa" | "en";
  title: string;
  /** Text of the running header on every page. */
  header: string;
  /** Footer text with `{page}` and `{pages}`, e.g. «صفحه {page} از {pages}». */
  footer: string;
  css?: string;
  /** An image (a data: URL) printed in the bottom corner of every page: the signed minutes' verification QR code. */
  pageMark?: string;
};

/**
 * A CSS string literal of any text. Everything but ASCII letters, digits and space, and printable non-ASCII, is
 * written as a `\HEX ` escape: a newline, quote or backslash cannot end the string, and `<`, `>`, `*`, `/` or `;` mean
 * nothing inside it either.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[^A-Za-z0-9 \u00A0-\u{10FFFF}]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
  return `"${escaped}"`;
}

/** The page frame: A4, running header and a footer with page numbers (Persian digits in Persian documents). */
function pageCss({ lang, header, footer, pageMark }: PrintOptions) {
  const counter = (name: string) => (lang === "fa" ? `counter(${name}, persian)` : `counter(${name})`);
  const [before, middle, after] = footer.split(/\{page\}|\{pages\}/);
  const footerContent = `${cssString(before ?? "")} ${counter("page")} ${cssString(middle ?? "")} ${counter("pages")} ${cssString(after ?? "")}`;
  return `@page{size:A4;margin:22mm 16mm 20mm 16mm;
    @top-center{content:${cssString(header)};font-family:Vazirmatn;font-size:9pt;color:#555}
    @bottom-center{content:${footerContent};font-family:Vazirmatn;font-size:9pt;color:#555}
    ${
      // Page-margin boxes have only physical names; the code sits at the page's outer corner in either direction.
      pageMark
        ? `@bottom-${lang === "fa" ? "left" : "right"}{content:url(${cssString(pageMark)});vertical-align:middle}`
        : ""
    }}
    html{font-family:Vazirmatn,sans-serif;font-size:11pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
    body{margin:0}`;
}

/**
 * Prints a body of HTML to a PDF buffer, in turn with the other prints. Throws PdfBusyError when PDF_QUEUE (16) prints
 * wait already or this one waited PDF_TIMEOUT_MS (30 s), and PdfError when Chromium is missing, fails or takes longer
 * than that.
 */
export function printPdf(bodyHtml: string, options: PrintOptions): Promise<Buffer> {
  return queued(async (signal) => {
    let page: Page | undefined;
    // Closing takes a while and the answer does not wait for it. Closing a print that overran makes whatever it is
    // doing reject, so it ends here too.
    const discard = () =>
      void page
        ?.context()
        .close()
        .catch(() => {});
    signal.addEventListener("abort", discard);
    try {
      page = await takePage();
      signal.throwIfAborted();
      await page.evaluate(
        ({ lang, title, css, body }) => {
          document.documentElement.lang = lang;
          document.documentElement.dir = lang === "fa" ? "rtl" : "ltr";
          document.title = title;
          const style = document.createElement("style");
          style.textContent = css;
          document.head.append(style);
          document.body.innerHTML = body;
        },
        { lang: options.lang, title: options.title, css: pageCss(options) + (options.css ?? ""), body: bodyHtml },
      );
      await page.evaluate(() => document.fonts.ready);
      return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    } catch (error) {
      throw new PdfError(error instanceof Error ? error.message : String(error));
    } finally {
      signal.removeEventListener("abort", discard);
      discard();
      prepareSparePage();
    }
  });
}

// A page is made ready before it is needed: opened (130–260 ms) and with both cuts of Vazirmatn decoded (≈ 350 ms on
// the 80-page report when the fonts came in with the document). Printing then only puts the body in. The next spare
// is prepared after each print (≈ 0.3–0.45 s), while people read what they printed; preparing it during the print
// instead slowed that print by as much as it saved the next.
type Page = Awaited<ReturnType<Browser["newPage"]>>;
let sparePage: Promise<Page> | null = null;

/**
 * A page of its own context that can reach nothing: every request it makes is aborted (and nothing resolves, see
 * ARGS). Chromium itself refuses file: URLs to a document that is not a file; the fonts are data: URLs, which are not
 * requests. Scripts are off: the page is driven from here only.
 */
async function readyPage(b: Browser): Promise<Page> {
  const context = await b.newContext({ javaScriptEnabled: false, serviceWorkers: "block" });
  try {
    await context.route("**/*", (route) => {
      console.warn("pdf: blocked a request to", route.request().url().slice(0, 200));
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>${embeddedFont()}</style></head><body></body></html>`,
    );
    await page.evaluate(() =>
      Promise.all([document.fonts.load("400 1em Vazirmatn"), document.fonts.load("700 1em Vazirmatn")]),
    );
    return page;
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

async function takePage(): Promise<Page> {
  const spare = sparePage;
  sparePage = null;
  const page = await spare?.catch(() => null);
  if (page && !page.isClosed() && page.context().browser()?.isConnected()) return page;
  return readyPage(await getBrowser());
}

function prepareSparePage() {
  // Only alongside a running browser: after closePdfBrowser() nothing is launched again for a spare.
  if (sparePage || !browser) return;
  const opening = getBrowser().then(readyPage);
  opening.catch(() => {
    if (sparePage === opening) sparePage = null;
  });
  sparePage = opening;
}

/** Closes the warm browser (tests and shutdown). */
export async function closePdfBrowser() {
  sparePage = null;
  const b = await browser?.catch(() => null);
  browser = null;
  await b?.close().catch(() => {});
}
