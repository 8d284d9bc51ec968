import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireScope } from "../models/access.server";
import { type BodySummary, listBodies } from "../models/bodies.server";
import { listOpenGroups } from "../models/working-groups.server";
import * as clock from "../utils/clock.server";
import { formatJalali } from "../utils/jalali";
import { MAX_GROUPS_PER_COMMITTEE, MAX_MEMBERS_PER_GROUP } from "../utils/limits";
import { titled } from "../utils/page-title";
import { formatPersonName } from "../utils/person-name";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.organisation");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    await requireScope(request);
    return json({ bodies: listBodies(), groups: listOpenGroups(), today: clock.today() });
  });
}

type Group = ReturnType<typeof listOpenGroups>[number];

export default function OrganisationChart() {
  const { bodies, groups, today } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  // A council outside the HQ is drawn on its own, never under (or beside) the HQ.
  const roots = bodies.filter((b) => b.parentId === null && !b.outsideHq);
  const outside = bodies.filter((b) => b.outsideHq);
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>{t("org.title")}</h1>
          <p className="muted">{t("org.intro")}</p>
        </div>
        <button type="button" className="button no-print" onClick={() => window.print()}>
          {t("org.print")}
        </button>
      </header>
      <p className="print-only muted">{t("org.generated", { date: formatJalali(today, lang) })}</p>
      <ul className="org-tree" aria-label={t("org.title")}>
        {roots.map((b) => (
          <OrgNode key={b.id} body={b} all={bodies} groups={groups} />
        ))}
      </ul>
      {outside.length > 0 ? (
        <section className="stack" aria-labelledby="org-outside">
          <h2 id="org-outside">{t("org.outsideHq")}</h2>
          <p className="muted">{t("org.outsideHqIntro")}</p>
          <ul className="org-tree" aria-labelledby="org-outside">
            {outside.map((b) => (
              <OrgNode key={b.id} body={b} all={bodies} groups={groups} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function OrgNode({ body, all, groups }: { body: BodySummary; all: BodySummary[]; groups: Group[] }) {
  const { t } = useT();
  const lang = useLang();
  const children = all.filter((b) => b.parentId === body.id);
  const mine = groups.filter((g) => g.committeeId === body.id);
  return (
    <li>
      <div className={`org-node org-node--${body.kind}${body.active ? "" : " org-node--inactive"}`}>
        <div className="org-node__head">
          <span className="org-node__kind">{t(`bodyKinds.${body.kind}`)}</span>
          {body.isExternal ? <span className="badge badge--warn">{t("org.external")}</span> : null}
          {body.outsideHq ? <span className="badge">{t("bodies.outsideHqBadge")}</span> : null}
          {body.active ? null : <span className="badge">{t("org.inactive")}</span>}
        </div>
        <Link to={`/bodies/${body.id}`} className="org-node__name">
          {body.name}
        </Link>
        <div className="org-node__meta">
          {body.chair ? t("org.chair", { name: formatPersonName(body.chair, lang) }) : t("org.noChair")}
        </div>
        {body.secretary ? (
          <div className="org-node__meta">{t("org.secretary", { name: formatPersonName(body.secretary, lang) })}</div>
        ) : null}
        <div className="org-node__count">{t("org.members", { count: body.memberCount })}</div>
        {body.kind === "committee" ? (
          <div className="org-node__count">
            {t("org.groups", { count: body.groupCount, limit: MAX_GROUPS_PER_COMMITTEE })}
          </div>
        ) : null}
      </div>
      {mine.length > 0 ? (
        <ul className="org-groups">
          {mine.map((g) => (
            <li key={g.id} className="org-group">
              <Link to={`/groups/${g.id}`}>{g.name}</Link>
              <span className={`badge${g.memberCount >= MAX_MEMBERS_PER_GROUP ? " badge--warn" : ""}`}>
                {t("org.groupMembers", { count: g.memberCount, limit: MAX_MEMBERS_PER_GROUP })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {children.length > 0 ? (
        <ul className={children.every((c) => c.kind === "committee") ? "org-children--grid" : undefined}>
          {children.map((c) => (
            <OrgNode key={c.id} body={c} all={all} groups={groups} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
