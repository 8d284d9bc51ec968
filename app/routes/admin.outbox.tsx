import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "../components/ui/form";
import { Pagination } from "../components/ui/pagination";
import { canAdminister, requireAllowed, requireScope } from "../models/access.server";
import { listOutbox, retryMail } from "../models/mail.server";
import { getReminderDays, lastDailyRun, parseReminderDays, setReminderDays } from "../models/scheduler.server";
import { pageOf } from "../schemas/paging";
import { localDigits } from "../utils/digits";
import { requireId } from "../utils/forms.server";
import { formatTimestamp } from "../utils/jalali";
import { getFixedT } from "../utils/locale.server";
import { smtpHost } from "../utils/mail-sender.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

const STATUSES = ["queued", "sending", "sent", "failed"] as const;

export const handle = titled("titles.outbox");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canAdminister(scope), scope);
    const params = new URL(request.url).searchParams;
    const status = params.get("status") ?? "";
    return json({
      ...listOutbox(scope, { page: pageOf(params), status: status || undefined }),
      status,
      smtp: smtpHost(),
      lastRun: lastDailyRun(),
      reminderDays: getReminderDays(),
    });
  });
}

/** The admin sends a mail again now, or sets the days before a deadline that reminders go out. */
export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request, context }: ActionFunctionArgs) => {
    const { scope, actor } = await requireScope(request, context);
    requireAllowed(canAdminister(scope), scope);
    const { t } = await getFixedT(request);
    const form = await request.formData();
    const intent = String(form.get("intent") ?? "");
    if (intent === "retry") {
      retryMail(actor, scope, requireId(String(form.get("id") ?? "")));
      return json({ intent, ok: true, errors: {} as Record<string, string> });
    }
    const days = parseReminderDays(String(form.get("days") ?? ""));
    if (!days)
      return json({ intent: "days", ok: false, errors: { days: t("outbox.reminderDaysInvalid") } }, { status: 400 });
    setReminderDays(actor, days);
    return json({ intent: "days", ok: true, errors: {} as Record<string, string> });
  });
}

export default function OutboxPage() {
  const { rows, counts, total, page, pages, status, smtp, lastRun, reminderDays } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next}`;
  };
  const daysError = result?.intent === "days" ? result.errors.days : undefined;
  return (
    <div className="stack">
      <h1>{t("outbox.title")}</h1>
      <p className="muted">{t("outbox.intro")}</p>
      <p className={smtp ? "alert alert--ok" : "alert"}>
        {smtp ? t("outbox.smtpOn", { host: smtp }) : t("outbox.smtpOff")}
      </p>
      <p>{lastRun ? t("outbox.lastRun", { when: formatTimestamp(lastRun, lang) }) : t("outbox.neverRun")}</p>

      <Form method="post" className="card form-grid" aria-label={t("outbox.reminderDays")}>
        <input type="hidden" name="intent" value="days" />
        <Field
          id="reminder-days"
          label={t("outbox.reminderDays")}
          hint={t("outbox.reminderDaysHint")}
          error={daysError}
        >
          {(props) => <input {...props} name="days" defaultValue={localDigits(reminderDays.join("، "), lang)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("common.save")}
          </button>
          <span role="status">{result?.intent === "days" && result.ok ? t("outbox.reminderDaysSaved") : null}</span>
        </div>
      </Form>

      <Form method="get" className="row" aria-label={t("outbox.filter")}>
        <label htmlFor="outbox-status">{t("outbox.status")}</label>
        <select id="outbox-status" name="status" defaultValue={status}>
          <option value="">{t("outbox.all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`outbox.statuses.${s}`)} ({localDigits(counts[s] ?? 0, lang)})
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {t("outbox.apply")}
        </button>
      </Form>
      <p className="muted">
        {t("outbox.counts", { queued: counts.queued ?? 0, sent: counts.sent ?? 0, failed: counts.failed ?? 0 })}
      </p>

      {total === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t("outbox.created")}</th>
                <th scope="col">{t("outbox.to")}</th>
                <th scope="col">{t("outbox.kind")}</th>
                <th scope="col">{t("outbox.subject")}</th>
                <th scope="col">{t("outbox.status")}</th>
                <th scope="col">{t("outbox.attempts")}</th>
                <th scope="col">{t("outbox.error")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("outbox.retry")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{formatTimestamp(r.createdAt, lang)}</td>
                  <td dir="ltr">{r.toAddress}</td>
                  <td>{t(`mail.kinds.${r.kind}`, { defaultValue: r.kind })}</td>
                  <td>
                    <details>
                      <summary>{r.subject}</summary>
                      <pre className="mail-text" dir={r.lang === "en" ? "ltr" : "rtl"} lang={r.lang}>
                        {r.text}
                      </pre>
                    </details>
                  </td>
                  <td>
                    <span
                      className={`badge badge--${r.status === "sent" ? "ok" : r.status === "failed" ? "danger" : "warn"}`}
                    >
                      {t(`outbox.statuses.${r.status}`)}
                    </span>
                    {r.sentAt ? <div className="small muted">{formatTimestamp(r.sentAt, lang)}</div> : null}
                  </td>
                  <td>{localDigits(r.attempts, lang)}</td>
                  <td className="small" dir="ltr">
                    {r.status === "sent" ? "" : r.lastError}
                  </td>
                  <td>
                    {r.status === "failed" || r.status === "queued" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="id" value={r.id} />
                        <button
                          type="submit"
                          className="button button--small"
                          aria-label={`${t("outbox.retry")}: ${r.subject} (${r.toAddress})`}
                        >
                          {t("outbox.retry")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} hrefFor={pageLink} />
    </div>
  );
}
