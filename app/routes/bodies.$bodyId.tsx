import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditTrail } from "../components/audit-trail";
import { IssueAllLettersForm } from "../components/letter-forms";
import { MembersTable } from "../components/members-table";
import { MembershipForm } from "../components/membership-form";
import { WorkingGroupForm } from "../components/working-group-form";
import {
  canManageGroupsOf,
  canManageStructure,
  canReadMeetingsOf,
  requireIntentAllowed,
  requireScope,
} from "../models/access.server";
import { getAuditTrail } from "../models/audit.server";
import { getBody } from "../models/bodies.server";
import { defaultSignerId, latestLetters } from "../models/letters.server";
import { addMembership, endMembership } from "../models/memberships.server";
import { listPersonOptions } from "../models/people.server";
import { createWorkingGroup } from "../models/working-groups.server";
import {
  ADD_MEMBER,
  bodyActionSchema,
  CREATE_GROUP,
  END_MEMBERSHIP,
  ISSUE_LETTER,
  ISSUE_LETTERS,
} from "../schemas/organisation";
import { NotFoundError } from "../utils/errors";
import { invalidFormResponse, parseForm, requireId, ruleViolationResponse } from "../utils/forms.server";
import { answerLetterIssue } from "../utils/letter-print.server";
import { MAX_GROUPS_PER_COMMITTEE, MAX_MEMBERS_PER_GROUP } from "../utils/limits";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useT } from "../utils/use-t";

export const handle = titled("titles.body", (data: { body: { name: string } }) => ({ name: data.body.name }));

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const id = requireId(params.bodyId);
    const found = getBody(id);
    if (!found) throw new NotFoundError();
    const canManage = canManageStructure(scope);
    const canManageGroups = found.body.kind === "committee" && canManageGroupsOf(scope, id);
    const people = canManage ? listPersonOptions() : [];
    return json({
      ...found,
      canManage,
      canManageGroups,
      canReadMeetings: canReadMeetingsOf(scope, id),
      people,
      // Appointment letters: issued by the secretariat; each row's PDF for those who may read that membership's papers.
      letters: latestLetters(
        scope,
        found.members.map((m) => m.membershipId),
      ),
      issuing: canManage ? { signers: people, defaultSignerId: defaultSignerId({ bodyId: id }) } : null,
      audit: getAuditTrail(scope, "body", id),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const id = requireId(params.bodyId);
    const found = getBody(id);
    if (!found) throw new NotFoundError();
    const { t } = await getFixedT(request);
    const form = await request.formData();
    requireIntentAllowed(
      form,
      {
        [ADD_MEMBER]: canManageStructure(scope),
        [END_MEMBERSHIP]: canManageStructure(scope),
        [ISSUE_LETTER]: canManageStructure(scope),
        [ISSUE_LETTERS]: canManageStructure(scope),
        [CREATE_GROUP]: found.body.kind === "committee" && canManageGroupsOf(scope, id),
      },
      scope,
    );
    const parsed = parseForm(form, bodyActionSchema, t);
    if (!parsed.ok) return invalidFormResponse(parsed.errors, parsed.intent);
    const change = parsed.data;
    try {
      switch (change.intent) {
        case "add-member":
          addMembership(actor, { bodyId: id }, change);
          break;
        case "end-membership":
          endMembership(actor, change.membershipId, { bodyId: id });
          break;
        case "issue-letter":
        case "issue-letters":
          return answerLetterIssue(actor, scope, { bodyId: id }, change, t);
        case "create-group": {
          const groupId = createWorkingGroup(actor, id, change);
          return redirect(`/groups/${groupId}`);
        }
      }
    } catch (error) {
      if (error instanceof RuleViolation) return ruleViolationResponse(error, t, change.intent);
      throw error;
    }
    return json({ intent: change.intent, ok: true });
  });
}

export default function BodyPage() {
  const {
    body,
    parent,
    members,
    groups,
    children,
    canManage,
    canManageGroups,
    canReadMeetings,
    people,
    audit,
    letters,
    issuing,
  } = useLoaderData<typeof loader>();
  const { t } = useT();
  const current = members.filter((m) => m.current);
  const past = members.filter((m) => !m.current);
  const openGroups = groups.filter((g) => !g.closedAt);
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <p className="muted">{t(`bodyKinds.${body.kind}`)}</p>
          <h1>{body.name}</h1>
          <div className="row">
            <span className={body.active ? "badge badge--ok" : "badge"}>
              {body.active ? t("bodies.statusActive") : t("bodies.statusInactive")}
            </span>
            {body.isExternal ? <span className="badge badge--warn">{t("org.external")}</span> : null}
            {body.outsideHq ? <span className="badge">{t("bodies.outsideHqBadge")}</span> : null}
            {parent ? (
              <span>
                {t("bodies.parent")}: <Link to={`/bodies/${parent.id}`}>{parent.name}</Link>
              </span>
            ) : null}
            {canReadMeetings ? <Link to={`/bodies/${body.id}/series`}>{t("series.link")}</Link> : null}
          </div>
        </div>
        {canManage ? (
          <Link to={`/bodies/${body.id}/edit`} className="button">
            {t("common.edit")}
          </Link>
        ) : null}
      </header>

      {body.duties ? (
        <section className="card">
          <h2>{t("bodies.duties")}</h2>
          <p className="pre-line">{body.duties}</p>
        </section>
      ) : null}

      <section className="card stack" aria-labelledby="members-title">
        <h2 id="members-title">{t("bodies.members")}</h2>
        <MembersTable
          members={current}
          canEdit={canManage}
          caption={t("bodies.members")}
          letters={letters}
          issuing={issuing}
        />
        {issuing && current.length > 0 ? (
          <IssueAllLettersForm issuing={issuing} pending={current.filter((m) => !m.letterNumber).length} />
        ) : null}
        {canManage ? (
          <details>
            <summary className="button">{t("membership.add")}</summary>
            <div className="details-body">
              <MembershipForm people={people} />
            </div>
          </details>
        ) : null}
        {past.length > 0 ? (
          <details>
            <summary>{t("bodies.pastMembers")}</summary>
            <MembersTable members={past} canEdit={false} caption={t("bodies.pastMembers")} letters={letters} />
          </details>
        ) : null}
      </section>

      {body.kind === "committee" ? (
        <section className="card stack" aria-labelledby="groups-title">
          <div className="section-title">
            <h2 id="groups-title">{t("bodies.workingGroups")}</h2>
            <span className="muted">
              {t("bodies.groupsUsage", { count: openGroups.length, limit: MAX_GROUPS_PER_COMMITTEE })}
            </span>
          </div>
          {groups.length === 0 ? (
            <p className="muted">{t("bodies.noGroups")}</p>
          ) : (
            <ul className="plain-list">
              {groups.map((g) => (
                <li key={g.id} className="row">
                  <Link to={`/groups/${g.id}`}>{g.name}</Link>
                  {g.closedAt ? (
                    <span className="badge">{t("bodies.closed")}</span>
                  ) : (
                    <span className="badge">
                      {t("groups.usage", { count: g.memberCount, limit: MAX_MEMBERS_PER_GROUP })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {canManageGroups ? (
            <WorkingGroupForm
              intent={CREATE_GROUP}
              defaults={{ name: "", duties: "" }}
              submitLabel={t("bodies.createGroup")}
              title={t("bodies.newGroup")}
              className="stack"
            />
          ) : null}
        </section>
      ) : null}

      {children.length > 0 ? (
        <section className="card">
          <h2>{t("bodies.children")}</h2>
          <ul className="plain-list">
            {children.map((c) => (
              <li key={c.id}>
                <Link to={`/bodies/${c.id}`}>{c.name}</Link> <span className="muted">{t(`bodyKinds.${c.kind}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <AuditTrail rows={audit} />
    </div>
  );
}
