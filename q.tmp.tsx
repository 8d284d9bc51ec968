process.env.DATABASE_PATH = "/tmp/bench.db";
const { getReport, listReports } = await import("./app/models/reports.server");
const { printReport } = await import("./app/utils/report-print.server");
const { closePdfBrowser } = await import("./app/utils/pdf.server");
const draft = listReports().find((r) => r.status === "draft")!;
const report = getReport(draft.id)!;
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  const { pages } = await printReport(report, "fa", "x");
  console.log("print", Math.round(performance.now() - t), "ms", pages, "pages");
}
await closePdfBrowser();
