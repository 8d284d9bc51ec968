import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { closePdfBrowser, cssString, PdfBusyError, PdfError, printPdf, printQueue } from "./pdf.server";

/** The text of a PDF, without the bidi marks Chromium puts around runs. */
function pdfText(pdf: Buffer) {
  const dir = mkdtempSync(path.join(tmpdir(), "pdf-text-"));
  try {
    writeFileSync(path.join(dir, "x.pdf"), pdf);
    return execFileSync("pdftotext", [path.join(dir, "x.pdf"), "-"], { encoding: "utf8" }).replace(
      /[\u202A-\u202E]/g,
      "",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PAYLOADS = [
  'x"}\n}}@import url(http://127.0.0.1:9/a);html{background:url(http://127.0.0.1:9/b)}',
  'x\\"; } html{background:red} @page{@top-center{content:"',
  "*/</style><img src=x><style>/*",
  "\r\f\u0000\u0085 کمیته‌ی «طراحی» — ۱۴۰۵",
];

test("a CSS string of any text holds only letters, digits, spaces and escapes, and reads back as the text", () => {
  for (const text of PAYLOADS) {
    const css = cssString(text);
    assert.match(css, /^"([A-Za-z0-9 \u00A0-\u{10FFFF}]|\\[0-9a-f]{1,6} )*"$/u, css);
    const read = css
      .slice(1, -1)
      .replace(/\\([0-9a-f]{1,6}) /g, (_, hex) => String.fromCodePoint(Number.parseInt(hex, 16)));
    assert.equal(read, text);
  }
  assert.equal(cssString('a\nb"c'), '"a\\a b\\22 c"');
  // Persian text, ZWNJ included, is written as it is.
  assert.equal(cssString("کمیته‌ها"), '"کمیته‌ها"');
});

test("the print queue runs two at a time, keeps a bounded line and refuses the rest as busy", async () => {
  const run = printQueue({ concurrency: 2, waiting: 4, timeoutMs: 5000 });
  let now = 0;
  let most = 0;
  const job = (n: number) => async () => {
    now++;
    most = Math.max(most, now);
    await new Promise((r) => setTimeout(r, 20));
    now--;
    return n;
  };
  const six = [0, 1, 2, 3, 4, 5].map((n) => run(job(n)));
  await assert.rejects(run(job(6)), PdfBusyError);
  assert.deepEqual(await Promise.all(six), [0, 1, 2, 3, 4, 5]);
  assert.equal(most, 2);
  // The line empties: more can come again.
  assert.equal(await run(job(7)), 7);
});

test("a print that overruns is aborted and answers a PdfError; one that waited as long is refused as busy", async () => {
  const run = printQueue({ concurrency: 1, waiting: 1, timeoutMs: 100 });
  let aborted = false;
  const hanging = run(
    (signal) =>
      new Promise((_, reject) =>
        signal.addEventListener("abort", () => {
          aborted = true;
          // Stopping takes a while; the caller has its answer by then.
          setTimeout(() => reject(new Error("closed")), 200);
        }),
      ),
  );
  const waiting = assert.rejects(
    run(async () => "never started"),
    PdfBusyError,
  );
  const started = Date.now();
  await assert.rejects(
    hanging,
    (error: Error) => error instanceof PdfError && /longer than 100 ms/.test(error.message),
  );
  assert.ok(Date.now() - started < 200);
  assert.ok(aborted);
  await waiting;
  // Once the overrun job has stopped, its place is free again.
  await new Promise((r) => setTimeout(r, 250));
  assert.equal(await run(async () => "next"), "next");
});

test("a printing page reaches nothing and runs no script, and a header made of CSS prints as text", async () => {
  let connections = 0;
  const listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const at = `http://127.0.0.1:${(listener.address() as { port: number }).port}`;
  try {
    const pdf = await printPdf(
      `<p id="t">static text</p><img src="${at}/img" onerror="document.getElementById('t').textContent='script ran'">` +
        `<link rel="prefetch" href="${at}/prefetch"><link rel="stylesheet" href="${at}/css">` +
        `<img src="file:///etc/hostname"><iframe src="${at}/frame"></iframe>`,
      {
        lang: "en",
        title: "t",
        header: `Body x"}\n}}@import url(${at}/import);html{background:url(${at}/bg)}`,
        footer: "{page}/{pages}",
        css: `p{background:url(${at}/css-bg)}`,
      },
    );
    const text = pdfText(pdf).replace(/\s+/g, "");
    assert.match(text, /Bodyx"}}}@importurl\(http:/);
    assert.match(text, /statictext/);
    assert.doesNotMatch(text, /scriptran/);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(connections, 0);
  } finally {
    listener.close();
    await closePdfBrowser();
  }
});

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
