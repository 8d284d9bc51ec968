import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { TableWrap } from "../components/ui/data-table";
import { JalaliDateField } from "../components/ui/jalali-date-field";
import { Pagination } from "../components/ui/pagination";
import { canAdminister, requireAllowed, requireScope } from "../models/access.server";
import { browseAudit } from "../models/audit.server";
import { listUsers } from "../models/users.server";
import { pageOf } from "../schemas/paging";
import { localDigits } from "../utils/digits";
import { formatTimestamp, parseJalaliInput } from "../utils/jalali";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.audit");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canAdminister(scope), scope);
    const params = new URL(request.url).searchParams;
    const date = (v: string | null) => {
      const r = parseJalaliInput(v ?? "");
      return r.ok ? r.iso : undefined;
    };
    const page = pageOf(params);
    const result = browseAudit(scope, {
      action: params.get("action") || undefined,
      entity: params.get("entity") || undefined,
      userId: Number(params.get("user")) || undefined,
      from: date(params.get("from")),
      to: date(params.get("to")),
      page,
    });
    return json({ ...result, page, users: listUsers().map((u) => ({ id: u.id, username: u.username })) });
  });
}

export default function AuditBrowser() {
  const { rows, total, pages, page, actions, entities, users } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next}`;
  };
  return (
    <div className="stack">
      <h1>{t("auditAdmin.title")}</h1>
      <Form method="get" className="card form-grid" aria-label={t("overdue.filters")}>
        <div className="field">
          <label htmlFor="a-action">{t("auditAdmin.action")}</label>
          <select id="a-action" name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">{t("auditAdmin.any")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`, { defaultValue: a })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-entity">{t("auditAdmin.entity")}</label>
          <select id="a-entity" name="entity" defaultValue={params.get("entity") ?? ""}>
            <option value="">{t("auditAdmin.any")}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {t(`auditAdmin.entities.${e}`, { defaultValue: e })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-user">{t("auditAdmin.user")}</label>
          <select id="a-user" name="user" defaultValue={params.get("user") ?? ""}>
            <option value="">{t("auditAdmin.any")}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.username}
              </option>
            ))}
          </select>
        </div>
        <JalaliDateField name="from" label={t("auditAdmin.from")} defaultValue={params.get("from")} />
        <JalaliDateField name="to" label={t("auditAdmin.to")} defaultValue={params.get("to")} />
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("auditAdmin.apply")}
          </button>
        </div>
      </Form>
      <p className="muted">{t("auditAdmin.total", { count: total })}</p>
      <TableWrap label={t("auditAdmin.title")}>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("auditAdmin.user")}</th>
              <th scope="col">{t("auditAdmin.action")}</th>
              <th scope="col">{t("auditAdmin.entity")}</th>
              <th scope="col">{t("auditAdmin.ip")}</th>
              <th scope="col">{t("auditAdmin.details")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatTimestamp(r.at, lang)}</td>
                <td dir="ltr">{r.username ?? "—"}</td>
                <td>{t(`audit.actions.${r.action}`, { defaultValue: r.action })}</td>
                <td>
                  {t(`auditAdmin.entities.${r.entity}`, { defaultValue: r.entity })}
                  {r.entityId ? ` ${localDigits(r.entityId, lang)}` : ""}
                </td>
                <td dir="ltr">{r.ip}</td>
                <td className="small">
                  {r.changes.map((c) => (
                    <div key={c.field}>
                      <code>{c.field}</code>: {c.before || "—"} <span className="flip-rtl">→</span> {c.after || "—"}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pagination page={page} pages={pages} hrefFor={pageLink} />
    </div>
  );
}
