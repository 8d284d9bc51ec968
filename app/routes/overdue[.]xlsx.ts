import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireScope } from "../models/access.server";
import { overdueExport } from "../models/overdue.server";
import { parseOverdueQuery } from "../schemas/overdue";
import * as clock from "../utils/clock.server";
import { localDigits } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { route } from "../utils/route.server";
import { voteOfRow, voteWords } from "../utils/vote";
import { buildXlsx } from "../utils/xlsx.server";

/** Exactly the rows of the overdue review under the same filters, as a right-to-left Excel sheet with Jalali dates. */
export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const { t, lang } = await getFixedT(request);
    const { page: _p, pageSize: _s, ...query } = parseOverdueQuery(new URL(request.url).searchParams);
    const rows = overdueExport(scope, query);
    const voteLine = (r: (typeof rows)[number]) => {
      const words = voteWords(voteOfRow(r));
      return words ? t(words.key, words.values) : "";
    };
    const file = buildXlsx({
      sheetName: t("overdue.sheet"),
      rightToLeft: lang === "fa",
      header: [
        t("overdue.code"),
        t("overdue.body"),
        t("overdue.subject"),
        t("overdue.owners"),
        t("overdue.deadline"),
        t("overdue.daysOverdue"),
        t("overdue.status"),
        t("overdue.lastFollowUp"),
        t("minutes.vote"),
      ],
      widths: [14, 28, 70, 40, 14, 12, 14, 50, 30],
      rows: rows.map((r) => [
        localDigits(r.code, lang),
        r.bodyName,
        r.subject,
        r.owners.join(" / "),
        formatJalali(r.dueDate, lang),
        r.daysOverdue,
        t(`resolutionStatus.${r.status}`),
        r.lastNote ?? "",
        voteLine(r),
      ]),
    });
    return new Response(new Uint8Array(file), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="overdue-${clock.today()}.xlsx"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
