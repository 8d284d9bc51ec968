import type { ReportData } from "../models/reports.server";
import { formatCount, formatPercent, localDigits } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { minutesHeading } from "../utils/meeting-title";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";
import { StateChart, TrendChart } from "./report-charts";

export type ReportViewProps = {
  data: ReportData;
  title: string;
  periodName: string;
  coverText: string;
  notes: Record<string, string>;
  replacesNumber: string | null;
};

/** The report as issued: cover letter, summary figures and charts, one section per committee, the overdue annex. */
export function ReportView({ data, title, periodName, coverText, notes, replacesNumber }: ReportViewProps) {
  const { t } = useT();
  const lang = useLang();
  const kind = t(`reports.kinds.${data.period.kind}`);
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(v * 100, lang));
  const n = (v: number) => formatCount(v, lang);
  return (
    <article className="report" lang={lang}>
      <section className="report__cover">
        <h1>{title}</h1>
        {replacesNumber ? (
          <p className="report__replaces">{t("reports.replaces", { number: localDigits(replacesNumber, lang) })}</p>
        ) : null}
        <p>
          <strong>{t("reports.subject")}:</strong> {t("reports.subjectText", { kind, period: periodName })}
        </p>
        <div className="report__letter">{coverText}</div>
        <p className="report__signature">{t("reports.signature")}</p>
      </section>

      <section className="report__section">
        <h2>{t("reports.summary")}</h2>
        <p className="muted">
          {t("reports.range", { from: formatJalali(data.range.start, lang), to: formatJalali(data.range.end, lang) })}
        </p>
        <p className="muted">{t("reports.asOf", { date: formatJalali(data.asOf, lang) })}</p>
        <table className="report__table">
          <thead>
            <tr>
              <th scope="col">{t("reports.body")}</th>
              <th scope="col">{t("reports.meetingsHeld")}</th>
              <th scope="col">{t("reports.attendance")}</th>
              <th scope="col">{t("reports.passed")}</th>
              <th scope="col">{t("reports.done")}</th>
              <th scope="col">{t("reports.onTime")}</th>
              <th scope="col">{t("reports.overdue")}</th>
              <th scope="col">{t("reports.extended")}</th>
            </tr>
          </thead>
          <tbody>
            {data.perBody.map((b) => (
              <tr key={b.bodyId}>
                <th scope="row">{b.name}</th>
                <td>{n(b.meetings)}</td>
                <td>{pct(b.attendanceRate)}</td>
                <td>{n(b.figures.passed)}</td>
                <td>{n(b.figures.done)}</td>
                <td>{n(b.figures.doneOnTime)}</td>
                <td>{n(b.figures.overdue)}</td>
                <td>{n(b.figures.extended)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("reports.total")}</th>
              <td>{n(data.meetingsHeld)}</td>
              <td>—</td>
              <td>{n(data.totals.passed)}</td>
              <td>{n(data.totals.done)}</td>
              <td>{n(data.totals.doneOnTime)}</td>
              <td>{n(data.totals.overdue)}</td>
              <td>{n(data.totals.extended)}</td>
            </tr>
          </tfoot>
        </table>
        <figure className="report__figure">
          <figcaption>{t("reports.byState")}</figcaption>
          <StateChart committees={data.committees} />
        </figure>
        <figure className="report__figure">
          <figcaption>{t("reports.trend")}</figcaption>
          <TrendChart points={data.trend} />
        </figure>
      </section>

      {data.committees.map((c) => (
        <section key={c.bodyId} className="report__section report__committee">
          <h2>{c.name}</h2>
          {notes[String(c.bodyId)] ? <p className="report__note">{notes[String(c.bodyId)]}</p> : null}
          <h3>{t("reports.committeeMeetings")}</h3>
          {c.meetings.length === 0 ? (
            <p className="muted">{t("reports.noMeetings")}</p>
          ) : (
            <p>
              {c.meetings
                .map(
                  (m) =>
                    `${minutesHeading(t, { number: m.number, bodyName: c.name, groupName: m.groupName })} (${formatJalali(m.date, lang)})`,
                )
                .join(t("common.listSeparator"))}
            </p>
          )}
          <h3>{t("reports.activities")}</h3>
          {c.activities.length === 0 ? (
            <p className="muted">{t("reports.noActivities")}</p>
          ) : (
            <ul>
              {c.activities.map((a, i) => (
                <li key={i}>
                  {a.text}{" "}
                  <span className="muted">
                    (
                    {t("reports.reportedIn", {
                      n: a.meetingNumber,
                      body: a.bodyName,
                      date: formatJalali(a.meetingDate, lang),
                    })}
                    )
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3>{t("reports.committeeResolutions")}</h3>
          {c.resolutions.length === 0 ? (
            <p className="muted">{t("reports.noResolutions")}</p>
          ) : (
            <table className="report__table">
              <thead>
                <tr>
                  <th scope="col">{t("overdue.code")}</th>
                  <th scope="col">{t("overdue.subject")}</th>
                  <th scope="col">{t("overdue.deadline")}</th>
                  <th scope="col">{t("overdue.status")}</th>
                </tr>
              </thead>
              <tbody>
                {c.resolutions.map((r) => (
                  <tr key={r.code}>
                    <td className="nowrap">{localDigits(r.code, lang)}</td>
                    <td>{r.subject}</td>
                    <td className="nowrap">{r.dueDate ? formatJalali(r.dueDate, lang) : t("timeframe.standing")}</td>
                    <td>{r.overdue ? t("reports.overdue") : t(`resolutionStatus.${r.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t("reports.documents")}</h3>
          <p className="muted">{t("reports.noDocuments")}</p>
        </section>
      ))}

      <section className="report__section">
        <h2>{t("reports.annex")}</h2>
        {data.overdue.length === 0 ? (
          <p className="muted">{t("reports.noOverdue")}</p>
        ) : (
          <table className="report__table">
            <thead>
              <tr>
                <th scope="col">{t("overdue.code")}</th>
                <th scope="col">{t("overdue.subject")}</th>
                <th scope="col">{t("overdue.owners")}</th>
                <th scope="col">{t("overdue.deadline")}</th>
                <th scope="col">{t("overdue.daysOverdue")}</th>
              </tr>
            </thead>
            <tbody>
              {data.overdue.map((r) => (
                <tr key={r.code}>
                  <td className="nowrap">{localDigits(r.code, lang)}</td>
                  <td>{r.subject}</td>
                  <td>{r.owners.join(" / ")}</td>
                  <td className="nowrap">{formatJalali(r.dueDate, lang)}</td>
                  <td>{n(r.daysOverdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
