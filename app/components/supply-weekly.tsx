import type { weeklyStatus } from "../models/supply.server";
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
      <section aria-labelledby="weekly-changes">
        <h2 id="weekly-changes">{t("supply.weekly.changes", { count: report.changes.length })}</h2>
        {report.changes.length === 0 ? (
          <p className="muted">{t("supply.weekly.noChanges")}</p>
        ) : (
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t("supply.changeDate")}</th>
                <th scope="col">{t("supply.agency")}</th>
                <th scope="col">{t("supply.dataSet")}</th>
                <th scope="col">{t("supply.change")}</th>
                <th scope="col">{t("supply.delivery")}</th>
              </tr>
            </thead>
            <tbody>
              {report.changes.map((c) => (
                <tr key={c.id}>
                  <td data-label={t("supply.changeDate")}>{d(c.date)}</td>
                  <td data-label={t("supply.agency")}>{c.organisationName}</td>
                  <td data-card="title">{link(`/supply/${c.dataSetId}`, c.dataSetName)}</td>
                  <td data-label={t("supply.change")}>
                    {c.fromStageName ? t("supply.moved", { from: c.fromStageName, to: c.toStageName }) : c.toStageName}
                    {c.note ? <p className="muted">{c.note}</p> : null}
                  </td>
                  <td data-label={t("supply.delivery")}>
                    {c.deliveredOn
                      ? t("supply.deliveryShort", {
                          records: c.recordCount === null ? "—" : n(c.recordCount),
                          period: c.period || "—",
                        })
                      : "—"}
                    {c.findings ? <p className="muted">{c.findings}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="weekly-late">
        <h2 id="weekly-late">{t("supply.weekly.late", { count: report.late.length })}</h2>
        {report.late.length === 0 ? (
          <p className="muted">{t("supply.weekly.noLate")}</p>
        ) : (
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t("supply.agency")}</th>
                <th scope="col">{t("supply.dataSet")}</th>
                <th scope="col">{t("supply.stage")}</th>
                <th scope="col">{t("supply.due")}</th>
                <th scope="col">{t("supply.daysLate")}</th>
              </tr>
            </thead>
            <tbody>
              {report.late.map((l) => (
                <tr key={l.id}>
                  <td data-label={t("supply.agency")}>{l.organisationName}</td>
                  <td data-card="title">{link(`/supply/${l.id}`, l.name)}</td>
                  <td data-label={t("supply.stage")}>{l.stageName}</td>
                  <td data-label={t("supply.due")}>{d(l.dueDate)}</td>
                  <td data-label={t("supply.daysLate")}>{n(l.daysLate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="weekly-blocked">
        <h2 id="weekly-blocked">{t("supply.weekly.blocked", { count: report.blocked.length })}</h2>
        {report.blocked.length === 0 ? (
          <p className="muted">{t("supply.weekly.noBlocked")}</p>
        ) : (
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t("supply.agency")}</th>
                <th scope="col">{t("supply.dataSet")}</th>
                <th scope="col">{t("supply.stage")}</th>
                <th scope="col">{t("supply.blockedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {report.blocked.map((b) => (
                <tr key={b.id}>
                  <td data-label={t("supply.agency")}>{b.organisationName}</td>
                  <td data-card="title">{link(`/supply/${b.id}`, b.name)}</td>
                  <td data-label={t("supply.stage")}>{b.stageName}</td>
                  <td data-label={t("supply.blockedOn")}>{b.blockedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
