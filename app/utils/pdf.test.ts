import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
    await closePdfBrowser();
  }
});

test("each print, on a page prepared ahead, has only its own body, title, frame and both cuts of Vazirmatn", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pdf-test-"));
  const read = (tool: string, pdf: Buffer, n: number) => {
    const file = path.join(dir, `${n}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync(tool, tool === "pdftotext" ? [file, "-"] : [file], { encoding: "utf8" });
  };
  try {
    const prints = [
      { lang: "fa" as const, body: "<h1>گزارش نخست</h1><p>متن <b>پررنگ</b></p>", footer: "صفحه {page} از {pages}" },
      { lang: "en" as const, body: "<h1>Second report</h1><p>Plain <b>bold</b></p>", footer: "page {page} of {pages}" },
      { lang: "fa" as const, body: "<h1>گزارش سوم</h1><p>متن <b>پررنگ</b></p>", footer: "صفحه {page} از {pages}" },
    ];
    for (const [n, p] of prints.entries()) {
      const pdf = await printPdf(p.body, {
        lang: p.lang,
        title: `title ${n}`,
        header: `header ${n}`,
        footer: p.footer,
      });
      const fonts = read("pdffonts", pdf, n);
      assert.match(fonts, /Vazirmatn-Regular/);
      assert.match(fonts, /Vazirmatn-Bold/);
      assert.match(read("pdfinfo", pdf, n), new RegExp(`Title:\\s+title ${n}\\n`));
      const text = read("pdftotext", pdf, n).replace(/[\u202A-\u202E]/g, "");
      assert.match(text, new RegExp(`header ${n}`));
      assert.match(text, p.lang === "fa" ? /صفحه\s+۱\s*از\s*۱/ : /page\s+1\s+of\s+1/);
      for (const [m, other] of prints.entries())
        if (m !== n) assert.doesNotMatch(text, new RegExp(/<h1>(.*)<\/h1>/.exec(other.body)![1]));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await closePdfBrowser();
  }
});
