import { formatTimestamp } from "../utils/jalali";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";
import { TableWrap } from "./ui/data-table";

type Row = {
  id: number;
  at: string;
  action: string;
  username: string | null;
  personLastName: string | null;
  changes: { field: string; before: string; after: string }[];
};

const show = (value: string) => value || "—";

/** The history of one record: who, what, before and after, when (stored in UTC, shown in Jalali, Tehran time). */
export function AuditTrail({ rows }: { rows: Row[] }) {
  const { t } = useT();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t("audit.title")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("audit.empty")}</p>
      ) : (
        <TableWrap label={t("audit.title")}>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="nowrap">{formatTimestamp(row.at, lang)}</td>
                  <td>{row.personLastName ?? row.username ?? t("audit.system")}</td>
                  <td>{t(`audit.actions.${row.action}`, { defaultValue: row.action })}</td>
                  <td>
                    <ul className="plain-list audit-changes">
                      {row.changes.map((c) => (
                        <li key={c.field}>
                          <code>{c.field}</code>: <del>{show(c.before)}</del> <span className="flip-rtl">→</span>{" "}
                          <ins>{show(c.after)}</ins>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
