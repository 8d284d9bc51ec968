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
};

/** The data sets of an agency or of the resolution that approved them, each linked to its page. */
export function DataSetList({ rows, showAgency = false }: { rows: Row[]; showAgency?: boolean }) {
  const { t } = useT();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="data-sets">
      <h2 id="data-sets">{t("supply.dataSets")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("supply.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards">
            <caption className="visually-hidden">{t("supply.dataSets")}</caption>
            <thead>
              <tr>
                {showAgency ? <th scope="col">{t("supply.agency")}</th> : null}
                <th scope="col">{t("supply.dataSet")}</th>
                <th scope="col">{t("supply.level")}</th>
                <th scope="col">{t("supply.stage")}</th>
                <th scope="col">{t("supply.due")}</th>
              </tr>
            </thead>
            <tbody>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
