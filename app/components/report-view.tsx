import type { AnnexDocument, ReportData, ReportSection } from "../models/report-composition.server";
import { formatCount, formatPercent, localDigits } from "../utils/digits";
import { formatJalali, formatTimestamp } from "../utils/jalali";
import { minutesHeading } from "../utils/meeting-title";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";
import { useFileSize } from "./documents-panel";
import type { Signer } from "./official-document";
import { StateChart, TrendChart } from "./report-charts";
import { SupplyPart } from "./report-supply";

export type ReportViewProps = {
  data: ReportData;
  title: string;
  periodName: string;
  coverText: string;
  notes: Record<string, string>;
  replacesNumber: string | null;
  signer: Signer | null;
  /** The report's own documents (attached on its page), listed in the documents annex. */
  reportDocuments: AnnexDocument[];
};

/** The report on screen: the cover letter with its signer, then the report itself. */
export function ReportView(props: ReportViewProps) {
  return (
    <>
      <div className="report report__cover">
        <ReportCover {...props} />
        {props.signer ? (
          <p className="report__signature">
            {props.signer.name}
            {props.signer.position ? <span className="report__signer-position">{props.signer.position}</span> : null}
          </p>
        ) : null}
      </div>
      <ReportBody {...props} />
    </>
  );
}

/** The cover letter (in print, inside the official layout that carries the letterhead and the signer). */
export function ReportCover({ data, title, periodName, coverText, replacesNumber }: ReportViewProps) {
  const { t } = useT();
  const lang = useLang();
  const half = data.period.kind === "half_year";
  return (
    <section className="report__letter-page" lang={lang}>
      <h1>{title}</h1>
      {replacesNumber ? (
        <p className="report__replaces">{t("reports.replaces", { number: localDigits(replacesNumber, lang) })}</p>
      ) : null}
      <p>
        <strong>{t("reports.subject")}:</strong>{" "}
        {t(half ? "reports.subjectHalfYear" : "reports.subjectText", {
          kind: t(`reports.kinds.${data.period.kind}`),
          period: periodName,
        })}
      </p>
      <div className="report__letter">{coverText}</div>
    </section>
  );
}

/** The report after its cover: the summary, the sections, the annexes; the half-year report in its own order. */
export function ReportBody(props: ReportViewProps) {
  const { data, notes } = props;
  const { t } = useT();
  const lang = useLang();
  const half = data.period.kind === "half_year";
  return (
    <article className="report" lang={lang}>
      {/* The half-year report to the cabinet is built around the circular's execution: the agencies' data first. */}
      {half ? <HalfYearProgress data={data} /> : null}
      {half ? <SupplyPart data={data} /> : null}
      <Summary data={data} heading={t(half ? "reports.halfYear.execution" : "reports.summary")} />
      {half ? <h2 className="report__part">{t("reports.halfYear.bodies")}</h2> : null}
      {data.sections.map((s) => (
        <Section key={s.bodyId} section={s} note={notes[String(s.bodyId)] ?? ""} />
      ))}
      {half ? null : <SupplyPart data={data} />}
      <OverdueAnnex data={data} />
      <DocumentsAnnex sections={data.sections} reportDocuments={props.reportDocuments} />
    </article>
  );
}

function HalfYearProgress({ data }: { data: ReportData }) {
  const { t } = useT();
  const lang = useLang();
  const n = (v: number) => formatCount(v, lang);
  return (
    <section className="report__section">
      <h2>{t("reports.halfYear.progress")}</h2>
      <p>{t("reports.halfYear.progressIntro")}</p>
      <table className="report__table">
        <thead>
          <tr>
            <th scope="col">{t("reports.period")}</th>
            <th scope="col">{t("reports.meetingsHeld")}</th>
            <th scope="col">{t("reports.passed")}</th>
            <th scope="col">{t("reports.doneIn")}</th>
          </tr>
        </thead>
        <tbody>
          {data.byQuarter.map((q) => (
            <tr key={q.quarter}>
              <th scope="row">{t(`reports.quarters.${q.quarter}`)}</th>
              <td>{n(q.meetingsHeld)}</td>
              <td>{n(q.passed)}</td>
              <td>{n(q.done)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Summary({ data, heading }: { data: ReportData; heading: string }) {
  const { t } = useT();
  const lang = useLang();
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(v * 100, lang));
  const n = (v: number) => formatCount(v, lang);
  const cells = (f: ReportSection["figures"]) => (
    <>
      <td>{n(f.passed)}</td>
      <td>{n(f.carried)}</td>
      <td>{n(f.done)}</td>
      <td>{n(f.doneOnTime)}</td>
      <td>{n(f.open)}</td>
      <td>{n(f.overdue)}</td>
      <td>{n(f.cancelled)}</td>
      <td>{n(f.extended)}</td>
    </>
  );
  return (
    <section className="report__section">
      <h2>{heading}</h2>
      <p className="muted">
        {t("reports.range", { from: formatJalali(data.range.start, lang), to: formatJalali(data.range.end, lang) })}
        {" — "}
        {t("reports.asOf", { date: formatJalali(data.asOf, lang) })}
      </p>
      <table className="report__table report__figures">
        <thead>
          <tr>
            <th scope="col">{t("reports.section")}</th>
            <th scope="col">{t("reports.meetingsHeld")}</th>
            <th scope="col">{t("reports.attendance")}</th>
            <th scope="col">{t("reports.passed")}</th>
            <th scope="col">{t("reports.carried")}</th>
            <th scope="col">{t("reports.done")}</th>
            <th scope="col">{t("reports.onTime")}</th>
            <th scope="col">{t("reports.open")}</th>
            <th scope="col">{t("reports.overdue")}</th>
            <th scope="col">{t("reports.cancelled")}</th>
            <th scope="col">{t("reports.extended")}</th>
          </tr>
        </thead>
        <tbody>
          {data.sections.map((s) => (
            <tr key={s.bodyId}>
              <th scope="row">{s.name}</th>
              <td>{n(s.meetings.length)}</td>
              <td>{pct(s.attendanceRate)}</td>
              {cells(s.figures)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("reports.total")}</th>
            <td>{n(data.meetingsHeld)}</td>
            <td>—</td>
            {cells(data.totals)}
          </tr>
        </tfoot>
      </table>
      <figure className="report__figure">
        <figcaption>{t("reports.byState")}</figcaption>
        <StateChart committees={data.sections} />
      </figure>
      <figure className="report__figure">
        <figcaption>{t("reports.trend")}</figcaption>
        <TrendChart points={data.trend} />
        <table className="report__table">
          <thead>
            <tr>
              <th scope="col">{t("reports.quarter")}</th>
              <th scope="col">{t("reports.dueIn")}</th>
              <th scope="col">{t("reports.onTime")}</th>
              <th scope="col">{t("reports.onTimeRate")}</th>
            </tr>
          </thead>
          <tbody>
            {data.trend.map((q) => (
              <tr key={`${q.year}-${q.quarter}`}>
                <th scope="row">{t("reports.quarterLabel", { q: q.quarter, y: q.year })}</th>
                <td>{n(q.due)}</td>
                <td>{n(q.onTime)}</td>
                <td>{q.rate === null ? t("reports.noData") : pct(q.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    </section>
  );
}

function Section({ section: s, note }: { section: ReportSection; note: string }) {
  const { t } = useT();
  const lang = useLang();
  return (
    <section className="report__section report__committee" aria-label={s.name}>
      <h2>{s.name}</h2>
      {note ? <p className="report__note">{note}</p> : null}
      <h3>{t("reports.committeeMeetings")}</h3>
      {s.meetings.length === 0 ? (
        <p className="muted">{t("reports.noMeetings")}</p>
      ) : (
        <p>
          {s.meetings
            .map(
              (m) =>
                `${minutesHeading(t, { number: m.number, bodyName: s.name, groupName: m.groupName })} (${formatJalali(m.date, lang)})`,
            )
            .join(t("common.listSeparator"))}
        </p>
      )}
      <h3>{t("reports.activities")}</h3>
      {s.activities.length === 0 ? (
        <p className="muted">{t("reports.noActivities")}</p>
      ) : (
        <ul className="report__activities">
          {s.activities.map((a, i) => (
            <li key={i}>
              {/* The report's own paragraphs and bullets, as typed into the minutes. */}
              <TextBlocks text={a.text} />
              <span className="muted small">
                {t("reports.reportedIn", {
                  n: a.meetingNumber,
                  body: a.bodyName,
                  date: formatJalali(a.meetingDate, lang),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("reports.sectionPassed")}</h3>
      <ResolutionTable rows={s.passed} empty={t("reports.noResolutions")} />
      <h3>{t("reports.sectionCarried")}</h3>
      <ResolutionTable rows={s.carried} empty={t("reports.noCarried")} />
      <h3>{t("reports.documents")}</h3>
      {s.documents.length === 0 ? (
        <p className="muted">{t("reports.noDocuments")}</p>
      ) : (
        <p>{t("reports.documentsSeeAnnex", { count: s.documents.length })}</p>
      )}
    </section>
  );
}

function ResolutionTable({ rows, empty }: { rows: ReportSection["passed"]; empty: string }) {
  const { t } = useT();
  const lang = useLang();
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="report__table">
      <thead>
        <tr>
          <th scope="col">{t("overdue.code")}</th>
          <th scope="col">{t("overdue.subject")}</th>
          <th scope="col">{t("overdue.owners")}</th>
          <th scope="col">{t("overdue.deadline")}</th>
          <th scope="col">{t("overdue.status")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="nowrap">{localDigits(r.code, lang)}</td>
            <td>{r.subject}</td>
            <td>{r.owners.join(t("common.listSeparator"))}</td>
            <td className="nowrap">{r.dueDate ? formatJalali(r.dueDate, lang) : t("timeframe.standing")}</td>
            <td>{t(`reports.state.${r.state}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OverdueAnnex({ data }: { data: ReportData }) {
  const { t } = useT();
  const lang = useLang();
  return (
    <section className="report__section report__committee">
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
                <td>{r.owners.join(t("common.listSeparator"))}</td>
                <td className="nowrap">{formatJalali(r.dueDate, lang)}</td>
                <td>{formatCount(r.daysOverdue, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** «پیوست: فهرست مستندات»: each section's documents, then the report's own, with type, size and date. */
function DocumentsAnnex({
  sections,
  reportDocuments,
}: {
  sections: ReportSection[];
  reportDocuments: AnnexDocument[];
}) {
  const { t } = useT();
  const lang = useLang();
  const size = useFileSize();
  const groups = [
    ...sections
      .filter((s) => s.documents.length > 0)
      .map((s) => ({ key: `s${s.bodyId}`, name: s.name, docs: s.documents })),
    ...(reportDocuments.length > 0 ? [{ key: "report", name: t("reports.ownDocuments"), docs: reportDocuments }] : []),
  ];
  let row = 0;
  return (
    <section className="report__section report__committee">
      <h2>{t("reports.documentsAnnex")}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t("reports.noDocuments")}</p>
      ) : (
        <table className="report__table">
          <thead>
            <tr>
              <th scope="col">{t("reports.row")}</th>
              <th scope="col">{t("reports.documentName")}</th>
              <th scope="col">{t("reports.documentType")}</th>
              <th scope="col">{t("reports.documentSize")}</th>
              <th scope="col">{t("reports.documentDate")}</th>
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.key}>
              <tr>
                <th scope="rowgroup" colSpan={5} className="report__group">
                  {g.name}
                </th>
              </tr>
              {g.docs.map((d) => (
                <tr key={d.id}>
                  <td>{formatCount(++row, lang)}</td>
                  <td dir="auto">{d.fileName}</td>
                  <td>{d.fileType.toUpperCase()}</td>
                  <td className="nowrap">{size(d.size)}</td>
                  <td className="nowrap">{formatTimestamp(d.createdAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

const BULLET = /^\s*(?:[-–•*▪◦]|[0-9۰-۹]+[.)\-،])\s+/;

/**
 * A committee's report as typed into the minutes, keeping its shape: paragraphs (split at blank lines, line breaks
 * kept) and lists (consecutive lines that start with «-», «•», «۱.» …).
 */
export function TextBlocks({ text }: { text: string }) {
  const blocks: ({ kind: "p"; lines: string[] } | { kind: "ul"; items: string[] })[] = [];
  for (const line of text.replace(/\r/g, "").split("\n")) {
    const last = blocks.at(-1);
    if (line.trim() === "") {
      blocks.push({ kind: "p", lines: [] });
    } else if (BULLET.test(line)) {
      const item = line.replace(BULLET, "");
      if (last?.kind === "ul") last.items.push(item);
      else blocks.push({ kind: "ul", items: [item] });
    } else if (last?.kind === "p") last.lines.push(line);
    else blocks.push({ kind: "p", lines: [line] });
  }
  return (
    <div className="report__activity">
      {blocks.map((b, i) =>
        b.kind === "ul" ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : b.lines.length > 0 ? (
          <p key={i}>
            {b.lines.map((l, j) => (
              <span key={j}>
                {j > 0 ? <br /> : null}
                {l}
              </span>
            ))}
          </p>
        ) : null,
      )}
    </div>
  );
}
