import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditTrail } from "../components/audit-trail";
import { DocumentsPanel } from "../components/documents-panel";
import { canAdminister, canManageStructure, requireScope } from "../models/access.server";
import { getAuditTrail } from "../models/audit.server";
import { documentRights, listDocuments } from "../models/documents.server";
import { lettersOf } from "../models/letters.server";
import { getPerson } from "../models/people.server";
import * as clock from "../utils/clock.server";
import { localDigits } from "../utils/digits";
import { NotFoundError } from "../utils/errors";
import { requireId } from "../utils/forms.server";
import { formatJalali } from "../utils/jalali";
import { titled } from "../utils/page-title";
import { formatPersonName } from "../utils/person-name";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.person");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const id = requireId(params.personId);
    const found = getPerson(scope, id);
    if (!found) throw new NotFoundError();
    const canManage = canManageStructure(scope);
    const today = clock.today();
    const letters = lettersOf(
      scope,
      found.memberships.map((m) => m.id),
    );
    const issued = new Set(letters.map((l) => l.documentId));
    // Each membership's papers (a signed appointment letter, a nomination letter), besides the letters issued here.
    const papers = found.memberships.flatMap((m) => {
      const target = { entity: "membership" as const, entityId: m.id };
      const rights = documentRights(scope, target);
      if (!rights?.read) return [];
      const documents = listDocuments(scope, [target]).filter((d) => !issued.has(d.id));
      const canAttach = rights.attach && !(m.endDate && m.endDate <= today);
      return documents.length > 0 || canAttach ? [{ membershipId: m.id, documents, canAttach }] : [];
    });
    return json({
      ...found,
      canSeeAccount: canAdminister(scope),
      canManage,
      today,
      // The person's appointment letters, as far as the reader may read that membership's papers.
      letters,
      papers,
      audit: getAuditTrail(scope, "person", id),
    });
  });
}

export default function PersonPage() {
  const { person, organisation, account, canSeeAccount, memberships, canManage, today, audit, letters, papers } =
    useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const rows: [string, string][] = [
    [t("people.organisation"), person.organisation],
    [t("people.position"), person.position],
    [t("people.email"), person.email],
    [t("people.mobile"), localDigits(person.mobile, lang)],
  ];
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{formatPersonName(person, lang)}</h1>
        {canManage ? (
          <Link to={`/people/${person.id}/edit`} className="button">
            {t("common.edit")}
          </Link>
        ) : null}
      </header>
      <section className="card">
        <dl className="dl">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd dir="auto">{value || "—"}</dd>
            </div>
          ))}
          <dt>{t("people.organisationId")}</dt>
          <dd>{organisation ? <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link> : "—"}</dd>
          {canSeeAccount ? (
            <>
              <dt>{t("people.account")}</dt>
              <dd>{account ? `${account.username} · ${t(`roles.${account.role}`)}` : t("people.noAccount")}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="card">
        <h2>{t("people.memberships")}</h2>
        <ul className="plain-list">
          {memberships.map((m) => {
            const ended = Boolean(m.endDate && m.endDate <= today);
            return (
              <li key={m.id} className={ended ? "muted" : undefined}>
                <Link to={m.groupId ? `/groups/${m.groupId}` : `/bodies/${m.bodyId}`}>{m.groupName ?? m.bodyName}</Link>{" "}
                <span className="badge">{t(`membershipRoles.${m.role}`)}</span>{" "}
                {m.startDate ? t("membership.since", { date: formatJalali(m.startDate, lang) }) : null}{" "}
                {m.endDate ? t("membership.until", { date: formatJalali(m.endDate, lang) }) : null}
              </li>
            );
          })}
        </ul>
      </section>
      {letters.length > 0 ? (
        <section className="card" aria-labelledby="letters-title">
          <h2 id="letters-title">{t("letters.title")}</h2>
          <ul className="plain-list">
            {letters.map((l) => {
              const m = memberships.find((s) => s.id === l.membershipId);
              return (
                <li key={l.id}>
                  <a href={`/documents/${l.documentId}`} download>
                    {t("letters.download", { number: localDigits(l.number, lang) })}
                  </a>{" "}
                  {formatJalali(l.letterDate, lang)}
                  {m ? (
                    <>
                      {" — "}
                      {t("letters.of", { where: m.groupName ?? m.bodyName, role: t(`membershipRoles.${m.role}`) })}
                    </>
                  ) : null}
                  {l.reason ? (
                    <span className="muted"> ({t("letters.reissuedBecause", { reason: l.reason })})</span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {papers.map((p) => {
        const m = memberships.find((s) => s.id === p.membershipId)!;
        return (
          <DocumentsPanel
            key={p.membershipId}
            entity="membership"
            entityId={p.membershipId}
            documents={p.documents}
            canAttach={p.canAttach}
            frozen={false}
            heading="documents.ofMembership"
            headingValues={{ where: m.groupName ?? m.bodyName ?? "", role: t(`membershipRoles.${m.role}`) }}
          />
        );
      })}
      {canManage ? <AuditTrail rows={audit} /> : null}
    </div>
  );
}
