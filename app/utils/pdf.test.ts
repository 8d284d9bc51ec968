import assert from "node:assert/strict";
import { test } from "node:test";
import { closePdfBrowser, PdfError, printPdf } from "./pdf.server";

test("a missing Chromium is a PdfError (shown to people as a Persian message), not a crash", async () => {
  const saved = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = "/nonexistent/chromium";
  try {
    await assert.rejects(
      printPdf("<p>سلام</p>", { lang: "fa", title: "t", header: "h", footer: "صفحه {page} از {pages}" }),
      PdfError,
    );
    // The next print tries again rather than keeping a dead browser.
    await assert.rejects(
      printPdf("<p>سلام</p>", { lang: "fa", title: "t", header: "h", footer: "{page}/{pages}" }),
      PdfError,
    );
  } finally {
    process.env.CHROMIUM_PATH = saved;
    await closePdfBrowser();
  }
});
