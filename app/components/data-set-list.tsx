import { Link } from "@remix-run/react";
import { formatJalali } from "../utils/jalali";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

type Row = {
  id: number;
  name: string;
  level: string;
  organisationId: number;
  organisationName: string;
  stageName: string;
  stageKind: string;
  dueDate: string | null;
  late: boolean;
  blockedOn?: string;
};

/**
 * Data sets, each linked to its page: the supply list (`framed={false}`, with the agency and on whom it is blocked),
 * an agency's page, a resolution's. The table always has its caption and, when nothing matches, a row saying so.
 */
export function DataSetList({
  rows,
  showAgency = false,
  showBlockedOn = false,
  caption,
  framed = true,
}: {
  rows: Row[];
  showAgency?: boolean;
  showBlockedOn?: boolean;
  /** The table's (visually hidden) caption; the section's heading when left out. */
  caption?: string;
  /** In a card under its own heading (an agency's or a resolution's page), or the table alone (the supply list). */
  framed?: boolean;
}) {
  const { t } = useT();
  const lang = useLang();
  const columns = 4 + (showAgency ? 1 : 0) + (showBlockedOn ? 1 : 0);
  const table = (
    <div className="table-wrap">
      <table className="table table--cards">
        <caption className="visually-hidden">{caption ?? t("supply.dataSets")}</caption>
        <thead>
          <tr>
            {showAgency ? <th scope="col">{t("supply.agency")}</th> : null}
            <th scope="col">{t("supply.dataSet")}</th>
            <th scope="col">{t("supply.level")}</th>
            <th scope="col">{t("supply.stage")}</th>
            <th scope="col">{t("supply.due")}</th>
            {showBlockedOn ? <th scope="col">{t("supply.blockedOn")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns} className="muted">
                {t("supply.none")}
              </td>
            </tr>
          ) : null}
          {rows.map((r) => (
            <tr key={r.id}>
              {showAgency ? (
                <td data-label={t("supply.agency")}>
                  <Link to={`/organisations/${r.organisationId}`}>{r.organisationName}</Link>
                </td>
              ) : null}
              <td data-card="title">
                <Link to={`/supply/${r.id}`}>{r.name}</Link>
              </td>
              <td data-label={t("supply.level")}>{r.level}</td>
              <td data-label={t("supply.stage")}>
                <span className={`stage stage--${r.stageKind}`}>{r.stageName}</span>
              </td>
              <td data-label={t("supply.due")}>
                {r.dueDate ? formatJalali(r.dueDate, lang) : "—"}
                {r.late ? <span className="badge badge--danger">{t("supply.late")}</span> : null}
              </td>
              {showBlockedOn ? <td data-label={t("supply.blockedOn")}>{r.blockedOn || "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!framed) return table;
  return (
    <section className="card" aria-labelledby="data-sets">
      <h2 id="data-sets">{t("supply.dataSets")}</h2>
      {table}
    </section>
  );
}
