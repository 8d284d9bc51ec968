import type { ReactNode } from "react";
import type { weeklyStatus } from "../models/supply-reports.server";
import { formatCount } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

type Weekly = ReturnType<typeof weeklyStatus>;

/**
 * The data-supply committee's weekly status report (resolution ۲): figures, the week's changes, what is late and
 * what is blocked on whom. The same markup is the page and the printed PDF; `links` is off in print.
 */
export function SupplyWeekly({ report, links = true }: { report: Weekly; links?: boolean }) {
  const { t } = useT();
  const lang = useLang();
  const d = (iso: string | null) => (iso ? formatJalali(iso, lang) : "—");
  const link = (href: string, text: string) => (links ? <a href={href}>{text}</a> : text);
  const n = (v: number) => formatCount(v, lang);
  return (
    <div className="stack supply-weekly">
      <p>{t("supply.weekly.period", { from: d(report.from), to: d(report.to) })}</p>
      <dl className="figures" aria-label={t("supply.weekly.figures")}>
        {(["total", "delivered", "accepted", "late", "problems"] as const).map((k) => (
          <div key={k}>
            <dt>{t(`supply.figures.${k}`)}</dt>
            <dd>{n(report.totals[k])}</dd>
          </div>
        ))}
      </dl>
      <WeeklyPart
        id="weekly-changes"
        title={t("supply.weekly.changes", { count: report.changes.length })}
        empty={t("supply.weekly.noChanges")}
        headers={[
          t("supply.changeDate"),
          t("supply.agency"),
          t("supply.dataSet"),
          t("supply.change"),
          t("supply.delivery"),
        ]}
        rows={report.changes.map((c) => ({
          key: c.id,
          cells: [
            d(c.date),
            c.organisationName,
            link(`/supply/${c.dataSetId}`, c.dataSetName),
            <>
              {c.fromStageName ? t("supply.moved", { from: c.fromStageName, to: c.toStageName }) : c.toStageName}
              {c.note ? <p className="muted">{c.note}</p> : null}
            </>,
            <>
              {c.deliveredOn
                ? t("supply.deliveryShort", {
                    records: c.recordCount === null ? "—" : n(c.recordCount),
                    period: c.period || "—",
                  })
                : "—"}
              {c.findings ? <p className="muted">{c.findings}</p> : null}
            </>,
          ],
        }))}
      />
      <WeeklyPart
        id="weekly-late"
        title={t("supply.weekly.late", { count: report.late.length })}
        empty={t("supply.weekly.noLate")}
        headers={[t("supply.agency"), t("supply.dataSet"), t("supply.stage"), t("supply.due"), t("supply.daysLate")]}
        rows={report.late.map((l) => ({
          key: l.id,
          cells: [l.organisationName, link(`/supply/${l.id}`, l.name), l.stageName, d(l.dueDate), n(l.daysLate)],
        }))}
      />
      <WeeklyPart
        id="weekly-blocked"
        title={t("supply.weekly.blocked", { count: report.blocked.length })}
        empty={t("supply.weekly.noBlocked")}
        headers={[t("supply.agency"), t("supply.dataSet"), t("supply.stage"), t("supply.blockedOn")]}
        rows={report.blocked.map((b) => ({
          key: b.id,
          cells: [b.organisationName, link(`/supply/${b.id}`, b.name), b.stageName, b.blockedOn],
        }))}
      />
    </div>
  );
}

/** One part of the weekly report: its heading, and its rows as a table (or a line saying there are none). */
function WeeklyPart({
  id,
  title,
  empty,
  headers,
  rows,
}: {
  id: string;
  title: string;
  empty: string;
  headers: string[];
  rows: { key: number; cells: ReactNode[] }[];
}) {
  const { t } = useT();
  const titleHeader = t("supply.dataSet");
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="table table--cards">
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                {r.cells.map((c, i) => (
                  // On a phone each row is a card: the data set's name its title, the others labelled by header.
                  <td
                    key={headers[i] ?? i}
                    {...(headers[i] === titleHeader ? { "data-card": "title" } : { "data-label": headers[i] })}
                  >
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
