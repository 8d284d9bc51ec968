import type { ReportData } from "../models/report-composition.server";
import { formatCount } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";
import { StackedBars } from "./dashboard-charts";

const COLOURS = { accepted: "#16a34a", delivered: "#3b82f6", late: "#dc2626", pending: "#9aa5b1" } as const;
const PARTS = ["accepted", "delivered", "late", "pending"] as const;

/**
 * The reports' data-supply part: per agency its data sets due, delivered, accepted and late as of the period's end,
 * with a chart and the period's changes. The half-year report opens with it, as the circular's execution: which
 * agencies have carried it out (every data set due delivered) and which have not.
 */
export function SupplyPart({ data }: { data: ReportData }) {
  const { t } = useT();
  const lang = useLang();
  const n = (v: number) => formatCount(v, lang);
  const half = data.period.kind === "half_year";
  const { rows, totals, changes, moreChanges } = data.supply;
  const done = rows.filter((r) => r.done);
  const notDone = rows.filter((r) => !r.done);
  const label = t("supply.section.chart");
  // Each agency's data sets in exactly one part: accepted, delivered (not yet accepted), late, pending in time.
  const parts = (r: (typeof rows)[number]) => ({
    accepted: r.accepted,
    delivered: r.delivered - r.accepted,
    late: r.late,
    pending: r.total - r.delivered - r.late,
  });
  return (
    <section className="report__section report__supply">
      <h2>{half ? t("reports.halfYear.dataSupply") : t("supply.section.title")}</h2>
      <p className="muted">
        {t("supply.section.intro")} {t("reports.asOf", { date: formatJalali(data.asOf, lang) })}
      </p>
      {rows.length === 0 ? (
        <p>{t("supply.section.none")}</p>
      ) : (
        <>
          {half ? (
            <div className="report__circular">
              <p>
                <strong>{t("supply.section.doneAgencies", { count: done.length })}</strong>
                {done.length ? ` — ${done.map((r) => r.name).join(t("common.listSeparator"))}` : ""}
              </p>
              <p>
                <strong>{t("supply.section.notDoneAgencies", { count: notDone.length })}</strong>
                {notDone.length ? ` — ${notDone.map((r) => r.name).join(t("common.listSeparator"))}` : ""}
              </p>
            </div>
          ) : null}
          <table className="report__table">
            <thead>
              <tr>
                <th scope="col">{t("supply.agency")}</th>
                <th scope="col">{t("supply.figures.total")}</th>
                <th scope="col">{t("supply.figures.due")}</th>
                <th scope="col">{t("supply.figures.delivered")}</th>
                <th scope="col">{t("supply.figures.accepted")}</th>
                <th scope="col">{t("supply.figures.late")}</th>
                <th scope="col">{t("supply.figures.changes")}</th>
                {half ? <th scope="col">{t("supply.section.circular")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td>{n(r.total)}</td>
                  <td>{n(r.due)}</td>
                  <td>{n(r.delivered)}</td>
                  <td>{n(r.accepted)}</td>
                  <td>{n(r.late)}</td>
                  <td>{n(r.changes)}</td>
                  {half ? <td>{t(r.done ? "supply.section.done" : "supply.section.notDone")}</td> : null}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("reports.total")}</th>
                <td>{n(totals.total)}</td>
                <td>{n(totals.due)}</td>
                <td>{n(totals.delivered)}</td>
                <td>{n(totals.accepted)}</td>
                <td>{n(totals.late)}</td>
                <td>{n(rows.reduce((s, r) => s + r.changes, 0))}</td>
                {half ? <td>{n(done.length)}</td> : null}
              </tr>
            </tfoot>
          </table>
          <figure className="report__figure">
            <figcaption>{label}</figcaption>
            <StackedBars
              label={label}
              className="chart"
              legend={PARTS.map((k) => ({ label: t(`supply.section.parts.${k}`), colour: COLOURS[k] }))}
              rows={rows.map((r) => {
                const p = parts(r);
                return {
                  id: r.id,
                  name: r.name,
                  segments: PARTS.map((k) => ({
                    key: k,
                    label: t(`supply.section.parts.${k}`),
                    value: p[k],
                    colour: COLOURS[k],
                  })),
                };
              })}
            />
          </figure>
          <h3>{t("supply.section.changesTitle", { count: changes.length + moreChanges })}</h3>
          {changes.length === 0 ? (
            <p>{t("supply.section.noChanges")}</p>
          ) : (
            <table className="report__table">
              <thead>
                <tr>
                  <th scope="col">{t("supply.changeDate")}</th>
                  <th scope="col">{t("supply.agency")}</th>
                  <th scope="col">{t("supply.dataSet")}</th>
                  <th scope="col">{t("supply.change")}</th>
                  <th scope="col">{t("supply.recordCount")}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.id}>
                    <td>{formatJalali(c.date, lang)}</td>
                    <td>{c.organisationName}</td>
                    <td>{c.dataSetName}</td>
                    <td>
                      {c.fromStageName
                        ? t("supply.moved", { from: c.fromStageName, to: c.toStageName })
                        : t("supply.inStage", { stage: c.toStageName })}
                    </td>
                    <td>{c.recordCount === null ? "—" : n(c.recordCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {moreChanges > 0 ? <p className="muted">{t("supply.section.moreChanges", { count: moreChanges })}</p> : null}
        </>
      )}
    </section>
  );
}
