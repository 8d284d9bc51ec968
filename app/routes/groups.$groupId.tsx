import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AuditTrail } from "../components/audit-trail";
import { IssueAllLettersForm } from "../components/letter-forms";
import { MembersTable } from "../components/members-table";
import { MembershipForm } from "../components/membership-form";
import { WorkingGroupForm } from "../components/working-group-form";
import {
  canEditGroupMinutesOf,
  canManageGroupsOf,
  canManageStructure,
  requireAllowed,
  requireIntentAllowed,
  requireScope,
} from "../models/access.server";
import { getAuditTrail } from "../models/audit.server";
import { defaultSignerId, latestLetters } from "../models/letters.server";
import { listMeetings } from "../models/meetings.server";
import { addMembership, endMembership } from "../models/memberships.server";
import { listPersonOptions } from "../models/people.server";
import { closeWorkingGroup, getWorkingGroup, updateWorkingGroup } from "../models/working-groups.server";
import { CLOSE_GROUP, EDIT_GROUP, groupActionSchema, ISSUE_LETTER, ISSUE_LETTERS } from "../schemas/organisation";
import { NotFoundError } from "../utils/errors";
import { invalidFormResponse, parseForm, requireId, ruleViolationResponse } from "../utils/forms.server";
import { formatJalali, formatTimestamp } from "../utils/jalali";
import { answerLetterIssue } from "../utils/letter-print.server";
import { MAX_MEMBERS_PER_GROUP } from "../utils/limits";
import { getFixedT } from "../utils/locale.server";
import { meetingTitle } from "../utils/meeting-title";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { RuleViolation } from "../utils/rules";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.group", (data: { group: { name: string } }) => ({ name: data.group.name }));

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request, params }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    const id = requireId(params.groupId);
    const found = getWorkingGroup(id);
    if (!found) throw new NotFoundError();
    const canManage = canManageGroupsOf(scope, found.group.committeeId);
    return json({
      ...found,
      canManage,
      // The group's own meetings, as far as the reader may see them (the list's own scope), newest first.
      meetings: listMeetings(scope, { groupId: id }, 1).rows,
      canOpenMeeting: canEditGroupMinutesOf(scope, found.group) && !found.group.closedAt,
      people: canManage && !found.group.closedAt ? listPersonOptions() : [],
      audit: getAuditTrail(scope, "working_group", id),
      letters: latestLetters(
        scope,
        found.members.map((m) => m.membershipId),
      ),
      // Letters are the secretariat's, as for a body (the committee's chair staffs the group but does not issue).
      issuing: canManageStructure(scope)
        ? { signers: listPersonOptions(), defaultSignerId: defaultSignerId({ workingGroupId: id }) }
        : null,
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, params, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    const id = requireId(params.groupId);
    const found = getWorkingGroup(id);
    if (!found) throw new NotFoundError();
    requireAllowed(canManageGroupsOf(scope, found.group.committeeId), scope);
    const { t } = await getFixedT(request);
    const form = await request.formData();
    requireIntentAllowed(
      form,
      { [ISSUE_LETTER]: canManageStructure(scope), [ISSUE_LETTERS]: canManageStructure(scope) },
      scope,
    );
    const parsed = parseForm(form, groupActionSchema, t);
    if (!parsed.ok) return invalidFormResponse(parsed.errors, parsed.intent);
    const change = parsed.data;
    try {
      switch (change.intent) {
        case "add-member":
          addMembership(actor, { workingGroupId: id }, change);
          break;
        case "end-membership":
          endMembership(actor, change.membershipId, { workingGroupId: id });
          break;
        case "close-group":
          closeWorkingGroup(actor, id);
          break;
        case "edit-group":
          updateWorkingGroup(actor, id, change);
          break;
        case "issue-letter":
        case "issue-letters":
          return answerLetterIssue(actor, scope, { workingGroupId: id }, change, t);
      }
    } catch (error) {
      if (error instanceof RuleViolation) return ruleViolationResponse(error, t, change.intent);
      throw error;
    }
    return json({ intent: change.intent, ok: true });
  });
}

export default function WorkingGroupPage() {
  const {
    group,
    committee,
    members,
    currentCount,
    canManage,
    people,
    audit,
    meetings,
    canOpenMeeting,
    letters,
    issuing,
  } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const current = members.filter((m) => m.current);
  const past = members.filter((m) => !m.current);
  const isOpen = !group.closedAt;
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <p className="muted">
            <Link to={`/bodies/${committee.id}`}>{t("groups.committee", { name: committee.name })}</Link>
          </p>
          <h1>{t("groups.title", { name: group.name })}</h1>
          <span className={`badge${currentCount >= MAX_MEMBERS_PER_GROUP ? " badge--warn" : ""}`}>
            {t("groups.usage", { count: currentCount, limit: MAX_MEMBERS_PER_GROUP })}
          </span>
        </div>
        {canManage && isOpen ? (
          <Form
            method="post"
            onSubmit={(e) => {
              if (!window.confirm(t("groups.closeConfirm"))) e.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value={CLOSE_GROUP} />
            <button type="submit" className="button button--danger">
              {t("groups.close")}
            </button>
          </Form>
        ) : null}
      </header>
      {group.closedAt ? (
        <p className="alert alert--error">{t("groups.closedOn", { date: formatTimestamp(group.closedAt, lang) })}</p>
      ) : null}
      {group.duties ? (
        <section className="card">
          <h2>{t("bodies.duties")}</h2>
          <p className="pre-line">{group.duties}</p>
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="members-title">
        <h2 id="members-title">{t("bodies.members")}</h2>
        <MembersTable
          members={current}
          canEdit={canManage}
          caption={t("bodies.members")}
          letters={letters}
          issuing={isOpen ? issuing : null}
        />
        {issuing && isOpen && current.length > 0 ? (
          <IssueAllLettersForm issuing={issuing} pending={current.filter((m) => !m.letterNumber).length} />
        ) : null}
        {canManage && isOpen ? (
          <div className="details-body">
            <MembershipForm people={people} roles={["chair", "member"]} />
          </div>
        ) : null}
        {past.length > 0 ? (
          <details>
            <summary>{t("bodies.pastMembers")}</summary>
            <MembersTable members={past} canEdit={false} caption={t("bodies.pastMembers")} letters={letters} />
          </details>
        ) : null}
      </section>
      <section className="card stack" aria-labelledby="meetings-title">
        <div className="page-header">
          <h2 id="meetings-title">{t("minutes.groupMeetings")}</h2>
          {canOpenMeeting ? (
            <Form method="post" action="/meetings/new">
              <input type="hidden" name="workingGroupId" value={group.id} />
              <button type="submit" className="button button--primary">
                {t("minutes.newGroupMeeting")}
              </button>
            </Form>
          ) : null}
        </div>
        {meetings.length === 0 ? (
          <p className="muted">{t("minutes.noGroupMeetings")}</p>
        ) : (
          <ul className="plain-list">
            {meetings.map((m) => (
              <li key={m.id}>
                <Link to={`/meetings/${m.id}`}>{meetingTitle(t, m)}</Link> · {formatJalali(m.date, lang)} ·{" "}
                {t(`minutes.status.${m.status}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canManage && isOpen ? (
        <details className="card">
          <summary>{t("groups.edit")}</summary>
          <WorkingGroupForm
            intent={EDIT_GROUP}
            defaults={{ name: group.name, duties: group.duties }}
            submitLabel={t("common.save")}
            className="stack details-body"
          />
        </details>
      ) : null}
      <AuditTrail rows={audit} />
    </div>
  );
}
