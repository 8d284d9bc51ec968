import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { TableWrap } from "../components/ui/data-table";
import { FormError, SubmitButton, TextField, useRemixForm } from "../components/ui/form";
import { requireScope } from "../models/access.server";
import { recordAudit } from "../models/audit.server";
import { feedOf, renewFeed, revokeFeed } from "../models/calendar-feed.server";
import { changeOwnPassword, listSessions } from "../models/users.server";
import { ownPasswordSchema, PASSWORD_MIN, sessionsActionSchema } from "../schemas/accounts";
import { invalidFormResponse, parseForm, ruleViolationResponse } from "../utils/forms.server";
import { formatTimestamp } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { titled } from "../utils/page-title";
import { clientIp } from "../utils/request.server";
import { route } from "../utils/route.server";
import { asRuleViolation } from "../utils/rules";
import { destroyAllSessions, destroyUserSession, endSession } from "../utils/session.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";
import { appUrl } from "../utils/verification.server";

export const handle = titled("titles.sessions");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { user } = await requireScope(request);
    return json({
      current: user.sessionId,
      feed: feedOf(user.id),
      sessions: listSessions(user.id).map((s) => ({ ...s, id: s.id.slice(0, 12) })),
    });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { user, actor } = await requireScope(request, context);
    const { t } = await getFixedT(request);
    const parsed = parseForm(await request.formData(), sessionsActionSchema, t);
    if (!parsed.ok) return invalidFormResponse(parsed.errors, parsed.intent);
    const change = parsed.data;
    switch (change.intent) {
      case "password": {
        let changed: boolean;
        try {
          changed = await changeOwnPassword(actor, user.sessionId, change.currentPassword, change.newPassword);
        } catch (error) {
          const violation = asRuleViolation(error);
          if (violation) return ruleViolationResponse(violation, t, "password");
          throw error;
        }
        if (!changed) return invalidFormResponse({ currentPassword: t("account.wrongPassword") }, "password");
        return json({ intent: "password", ok: true, errors: {} as Record<string, string> });
      }
      case "everywhere":
        destroyAllSessions(user.id);
        recordAudit({
          userId: user.id,
          action: "logout_everywhere",
          entity: "user",
          entityId: user.id,
          ip: clientIp(context),
        });
        return redirect("/login", { headers: { "Set-Cookie": await destroyUserSession(request) } });
      case "end-session":
        endSession(user.id, change.session);
        break;
      case "feed-renew": {
        // The key is shown in this answer only; the database keeps its hash.
        const key = renewFeed(actor, user.id);
        return json({ intent: "feed-renew", feedUrl: `${appUrl(request)}/calendar.ics?key=${key}`, errors: {} });
      }
      case "feed-revoke":
        revokeFeed(actor, user.id);
        return redirect("/account/sessions?feed=revoked");
    }
    return redirect("/account/sessions");
  });
}

function ChangePassword() {
  const { t } = useT();
  const answer = useActionData<typeof action>();
  const { register, errorFor, formError, onSubmit, busy } = useRemixForm(
    ownPasswordSchema,
    { currentPassword: "", newPassword: "" },
    "password",
  );
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="card stack" aria-label={t("account.changePassword")}>
      <h2>{t("account.changePassword")}</h2>
      <input type="hidden" name="intent" value="password" />
      <FormError message={formError} />
      {answer && "ok" in answer && answer.ok ? (
        <p className="alert alert--ok" role="status">
          {t("account.passwordChanged")}
        </p>
      ) : null}
      <div className="form-grid">
        <TextField
          label={t("account.currentPassword")}
          registration={register("currentPassword")}
          error={errorFor("currentPassword")}
          dir="ltr"
          type="password"
          autoComplete="current-password"
        />
        <TextField
          label={t("account.newPassword")}
          registration={register("newPassword")}
          error={errorFor("newPassword")}
          hint={t("account.newPasswordHint", { min: PASSWORD_MIN })}
          dir="ltr"
          type="password"
          autoComplete="new-password"
        />
      </div>
      <div className="form-actions">
        <SubmitButton busy={busy}>{t("account.changePassword")}</SubmitButton>
      </div>
    </Form>
  );
}

export default function Sessions() {
  const { current, sessions } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>{t("account.sessionsTitle")}</h1>
          <p className="muted">{t("account.intro")}</p>
          <p>
            <Link to="/account/two-factor">{t("secondFactor.title")}</Link>
          </p>
          <p>
            <Link to="/account/mail">{t("mailPrefs.title")}</Link>
          </p>
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value="everywhere" />
          <button type="submit" className="button button--danger">
            {t("account.everywhere")}
          </button>
        </Form>
      </header>
      <TableWrap label={t("nav.sessions")}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("account.started")}</th>
              <th scope="col">{t("account.lastSeen")}</th>
              <th scope="col">{t("account.address")}</th>
              <th scope="col">{t("account.browser")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("account.end")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{formatTimestamp(s.createdAt, lang)}</td>
                <td>{formatTimestamp(s.lastSeenAt, lang)}</td>
                <td dir="ltr">{s.ip || "—"}</td>
                <td className="small" dir="ltr">
                  {s.userAgent.slice(0, 80)}
                </td>
                <td>
                  {current.startsWith(s.id) ? (
                    <span className="badge badge--ok">{t("account.current")}</span>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="end-session" />
                      <input type="hidden" name="session" value={s.id} />
                      <button type="submit" className="button button--small">
                        {t("account.end")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <CalendarFeed />
      <ChangePassword />
    </div>
  );
}

function CalendarFeed() {
  const { feed } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as { feedUrl?: string } | undefined;
  const [params] = useSearchParams();
  const { t } = useT();
  const lang = useLang();
  return (
    <section className="card stack" aria-labelledby="feed-title">
      <h2 id="feed-title">{t("feed.title")}</h2>
      <p className="muted">{t("feed.intro")}</p>
      {answer?.feedUrl ? (
        <div className="alert alert--ok stack" role="status">
          <label htmlFor="feed-url">{t("feed.url")}</label>
          <input id="feed-url" readOnly dir="ltr" value={answer.feedUrl} onFocus={(e) => e.currentTarget.select()} />
          <p className="small">{t("feed.shownOnce")}</p>
        </div>
      ) : params.get("feed") === "revoked" ? (
        <p className="alert alert--ok" role="status">
          {t("feed.revoked")}
        </p>
      ) : null}
      <p>
        {feed
          ? t("feed.live", {
              at: formatTimestamp(feed.createdAt, lang),
              read: feed.lastReadAt ? formatTimestamp(feed.lastReadAt, lang) : t("feed.never"),
            })
          : t("feed.none")}
      </p>
      <div className="row">
        <Form method="post">
          <input type="hidden" name="intent" value="feed-renew" />
          <button type="submit" className="button button--primary">
            {feed ? t("feed.renew") : t("feed.create")}
          </button>
        </Form>
        {feed ? (
          <Form method="post">
            <input type="hidden" name="intent" value="feed-revoke" />
            <button type="submit" className="button button--danger">
              {t("feed.revoke")}
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}
