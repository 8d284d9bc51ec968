import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { listUsers, setUserDisabled } from "../models/users.server";
import { requireId } from "../utils/forms.server";
import { formatTimestamp } from "../utils/jalali";
import { clientIp } from "../utils/request.server";
import { requireRole } from "../utils/session.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["admin"]);
  return json({ users: listUsers(), me: user.id });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const form = await request.formData();
  const userId = requireId(String(form.get("userId") ?? ""));
  if (userId === admin.id) throw new Response("Bad request", { status: 400 });
  setUserDisabled({ userId: admin.id, ip: clientIp(context) }, userId, form.get("intent") === "disable");
  return json({ ok: true });
}

export default function Users() {
  const { users, me } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  return (
    <div className="stack">
      <h1>{t("users.title")}</h1>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("users.username")}</th>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.lastLogin")}</th>
              <th scope="col">{t("users.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td dir="ltr">{u.username}</td>
                <td>{u.name}</td>
                <td>{t(`roles.${u.role}`)}</td>
                <td>{u.lastLoginAt ? formatTimestamp(u.lastLoginAt, lang) : t("users.never")}</td>
                <td className="row">
                  <span className={u.disabledAt ? "badge badge--danger" : "badge badge--ok"}>
                    {u.disabledAt ? t("users.disabled") : t("users.active")}
                  </span>
                  {u.id === me ? null : (
                    <Form
                      method="post"
                      onSubmit={(e) => {
                        if (!u.disabledAt && !window.confirm(t("users.disableConfirm", { name: u.username })))
                          e.preventDefault();
                      }}
                    >
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="intent" value={u.disabledAt ? "enable" : "disable"} />
                      <button
                        type="submit"
                        className="button button--small"
                        aria-label={`${u.disabledAt ? t("users.enable") : t("users.disable")}: ${u.username}`}
                      >
                        {u.disabledAt ? t("users.enable") : t("users.disable")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
