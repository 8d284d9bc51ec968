import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditTrail } from "../components/audit-trail";
import { DataSetList } from "../components/data-set-list";
import { canManageOrganisations, requireScope } from "../models/access.server";
import { getAuditTrail } from "../models/audit.server";
import { getOrganisation } from "../models/organisations.server";
import { dataSetsOf } from "../models/supply.server";
import { localDigits } from "../utils/digits";
import { NotFoundError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { formatJalali } from "../utils/jalali";
import { titled } from "../utils/page-title";
import { formatPersonName } from "../utils/person-name";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.organisationOne", (data: { organisation: { name: string } }) => ({
  name: data.organisation.name,
}));

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const id = requireId(params.organisationId);
    const found = getOrganisation(scope, id);
    if (!found) throw new NotFoundError();
    const canManage = canManageOrganisations(scope);
    return json({
      ...found,
      dataSets: dataSetsOf(scope, { organisationId: id }),
      canManage,
      audit: canManage ? getAuditTrail(scope, "organisation", id) : [],
    });
  });
}

export default function OrganisationPage() {
  const { organisation, members, resolutions, dataSets, canManage, audit } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <p className="muted">{t(`organisationKinds.${organisation.kind}`)}</p>
          <h1>{organisation.name}</h1>
        </div>
        {canManage ? (
          <Link to={`/organisations/${organisation.id}/edit`} className="button">
            {t("common.edit")}
          </Link>
        ) : null}
      </header>
      <section className="card">
        <dl className="dl">
          <dt>{t("organisations.aliases")}</dt>
          <dd>{organisation.aliasList.length ? organisation.aliasList.join(t("common.listSeparator")) : "—"}</dd>
          <dt>{t("organisations.status")}</dt>
          <dd>{organisation.active ? t("organisations.activeYes") : t("organisations.inactive")}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="org-people">
        <h2 id="org-people">{t("organisations.representatives")}</h2>
        {members.length === 0 ? (
          <p className="muted">{t("organisations.noPeople")}</p>
        ) : (
          <ul className="plain-list">
            {members.map((p) => (
              <li key={p.id}>
                <Link to={`/people/${p.id}`}>{formatPersonName(p, lang)}</Link>
                {p.position ? ` · ${p.position}` : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="org-resolutions">
        <h2 id="org-resolutions">{t("organisations.resolutions")}</h2>
        {resolutions.length === 0 ? (
          <p className="muted">{t("organisations.noResolutions")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("organisations.resolutions")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("organisations.code")}</th>
                  <th scope="col">{t("organisations.subject")}</th>
                  <th scope="col">{t("organisations.body")}</th>
                  <th scope="col">{t("organisations.due")}</th>
                  <th scope="col">{t("organisations.state")}</th>
                </tr>
              </thead>
              <tbody>
                {resolutions.map((r) => (
                  <tr key={r.id}>
                    <td dir="ltr">{localDigits(r.code, lang)}</td>
                    <td>
                      <Link to={`/resolutions/${r.id}`}>{r.subject}</Link>
                    </td>
                    <td>{r.bodyName}</td>
                    <td>{r.dueDate ? formatJalali(r.dueDate, lang) : t("timeframe.standing")}</td>
                    <td>{t(`resolutionStatus.${r.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {dataSets.length || organisation.kind === "agency" ? <DataSetList rows={dataSets} /> : null}
      {canManage ? <AuditTrail rows={audit} /> : null}
    </div>
  );
}
