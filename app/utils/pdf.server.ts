import { readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";

/**
 * Printing HTML to PDF with Debian's Chromium through Playwright. One browser is kept warm and reused; each print
 * gets its own page, so prints run side by side and the server keeps answering other requests meanwhile.
 */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
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

export type PrintOptions = {
  lang: "fa" | "en";
  title: string;
  /** Text of the running header on every page. */
  header: string;
  /** Footer text with `{page}` and `{pages}`, e.g. «صفحه {page} از {pages}». */
  footer: string;
  css?: string;
};

const cssString = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** The page frame: A4, running header and a footer with page numbers (Persian digits in Persian documents). */
function pageCss({ lang, header, footer }: PrintOptions) {
  const counter = (name: string) => (lang === "fa" ? `counter(${name}, persian)` : `counter(${name})`);
  const [before, middle, after] = footer.split(/\{page\}|\{pages\}/);
  const footerContent = `${cssString(before ?? "")} ${counter("page")} ${cssString(middle ?? "")} ${counter("pages")} ${cssString(after ?? "")}`;
  return `@page{size:A4;margin:22mm 16mm 20mm 16mm;
    @top-center{content:${cssString(header)};font-family:Vazirmatn;font-size:9pt;color:#555}
    @bottom-center{content:${footerContent};font-family:Vazirmatn;font-size:9pt;color:#555}}
    html{font-family:Vazirmatn,sans-serif;font-size:11pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
    body{margin:0}`;
}

/** Prints a body of HTML to a PDF buffer; throws PdfError when Chromium is missing or fails. */
export async function printPdf(bodyHtml: string, options: PrintOptions): Promise<Buffer> {
  let page: Page | undefined;
  try {
    page = await takePage();
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
    // Closing takes a while and the answer does not wait for it.
    void page?.close().catch(() => {});
    prepareSparePage();
  }
}

// A page is made ready before it is needed: opened (130–260 ms) and with both cuts of Vazirmatn decoded (≈ 350 ms on
// the 80-page report when the fonts came in with the document). Printing then only puts the body in. The next spare
// is prepared after each print (≈ 0.3–0.45 s), while people read what they printed; preparing it during the print
// instead slowed that print by as much as it saved the next.
type Page = Awaited<ReturnType<Browser["newPage"]>>;
let sparePage: Promise<Page> | null = null;

async function readyPage(b: Browser): Promise<Page> {
  const page = await b.newPage();
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${embeddedFont()}</style></head><body></body></html>`,
  );
  await page.evaluate(() =>
    Promise.all([document.fonts.load("400 1em Vazirmatn"), document.fonts.load("700 1em Vazirmatn")]),
  );
  return page;
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
