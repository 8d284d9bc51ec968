import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NotificationList } from "../components/notification-list";
import { requireScope } from "../models/access.server";
import { pendingRequests } from "../models/follow-ups.server";
import { listMyActions } from "../models/my-actions.server";
import { listNotifications } from "../models/notifications.server";
import { getDirectoryFigures, getPersonMemberships } from "../models/people.server";
import { pendingSignoffs } from "../models/signoff.server";
import * as clock from "../utils/clock.server";
import { localDigits } from "../utils/digits";
import { formatJalali, formatJalaliLong } from "../utils/jalali";
import { getLang } from "../utils/locale.server";
import { meetingTitle } from "../utils/meeting-title";
import { titled } from "../utils/page-title";
import { namesForReader } from "../utils/person-name";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.home");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { user, scope } = await requireScope(request);
    const actions = listMyActions(scope, undefined, { limit: 0 });
    return json({
      user: { displayName: user.displayName, role: user.role, failedBefore: user.failedBefore },
      notifications: listNotifications(scope, { limit: 10 }),
      actionCounts: { total: actions.total, overdue: actions.overdueCount, week: actions.weekCount },
      today: clock.today(),
      memberships: user.personId ? getPersonMemberships(user.personId) : [],
      figures: getDirectoryFigures(),
      signoffs: pendingSignoffs(scope),
      requests: pendingRequests(scope, await getLang(request)),
    });
  });
}

export default function Home() {
  const { user, today, memberships, figures, notifications, actionCounts, signoffs, requests } =
    useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("home.welcome", { name: namesForReader(user.displayName, lang) })}</h1>
        <p className="muted">
          {t("home.today", { date: formatJalaliLong(today, lang) })} ·{" "}
          {t("home.role", { role: t(`roles.${user.role}`) })}
        </p>
      </header>
      {user.failedBefore > 0 ? (
        <p className="alert alert--error" role="alert">
          {t("account.failedNotice", { count: user.failedBefore })}
        </p>
      ) : null}
      {signoffs.length > 0 ? (
        <section className="card stack" aria-labelledby="home-signoffs">
          <h2 id="home-signoffs">{t("signoff.pendingTitle", { count: signoffs.length })}</h2>
          <ul className="plain-list">
            {signoffs.map((s) => (
              <li key={s.meetingId}>
                <Link to={`/meetings/${s.meetingId}#signoff`}>
                  {meetingTitle(t, { number: s.number, bodyName: s.bodyName })}
                </Link>
                {s.date ? ` · ${formatJalali(s.date, lang)}` : ""}
                {s.edition > 1 ? ` · ${t("minutes.edition", { edition: s.edition })}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {requests.length > 0 ? (
        <section className="card stack" aria-labelledby="home-requests">
          <h2 id="home-requests">{t("pendingRequests.title")}</h2>
          <ul className="plain-list">
            {requests.map((r) => (
              <li key={r.id}>
                <Link to={`/resolutions/${r.resolutionId}#form-decide`}>
                  {t("pendingRequests.item", {
                    code: localDigits(r.code, lang),
                    date: formatJalali(r.newDueDate, lang),
                    name: r.requester,
                  })}
                </Link>
                <div className="small muted">{r.subject}</div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="grid grid--2">
        <section className="card stack" aria-labelledby="home-notifications">
          <h2 id="home-notifications">{t("notifications.title")}</h2>
          <NotificationList items={notifications} />
        </section>
        <section className="card stack" aria-labelledby="home-actions">
          <h2 id="home-actions">{t("myActions.title")}</h2>
          {actionCounts.total === 0 ? (
            <p className="muted">{t("myActions.empty")}</p>
          ) : (
            <div className="row">
              {actionCounts.overdue ? (
                <span className="badge badge--danger">
                  {t("myActions.overdueCount", { count: actionCounts.overdue })}
                </span>
              ) : null}
              {actionCounts.week ? (
                <span className="badge badge--warn">{t("myActions.weekCount", { count: actionCounts.week })}</span>
              ) : null}
            </div>
          )}
          <Link to="/my-actions" className="button">
            {t("myActions.title")}
          </Link>
        </section>
        <section className="card" aria-labelledby="my-bodies">
          <h2 id="my-bodies">{t("home.myBodies")}</h2>
          {memberships.length === 0 ? (
            <p className="muted">{t("home.noBodies")}</p>
          ) : (
            <ul className="plain-list">
              {memberships.map((m) => (
                <li key={m.id}>
                  <strong>{m.groupName ?? m.bodyName}</strong>{" "}
                  <span className="badge">{t(`membershipRoles.${m.role}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="figures">
          <h2 id="figures">{t("home.figures")}</h2>
          <ul className="plain-list">
            <li>{t("home.bodiesCount", { count: figures.bodies })}</li>
            <li>{t("home.groupsCount", { count: figures.groups })}</li>
            <li>{t("home.peopleCount", { count: figures.people })}</li>
            {user.role === "admin" ? <li>{t("home.usersCount", { count: figures.users })}</li> : null}
          </ul>
        </section>
      </div>
    </div>
  );
}
