import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { NotificationList } from "../components/notification-list";
import { requireScope } from "../models/access.server";
import { listNotifications, markRead } from "../models/notifications.server";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { safeRedirect } from "../utils/session.server";
import { useT } from "../utils/use-t";

export const handle = titled("titles.notifications");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    return json({ items: listNotifications(scope) });
  });
}

export async function action(args: ActionFunctionArgs) {
  return route(args, async ({ request }: ActionFunctionArgs) => {
    const { scope } = await requireScope(request);
    const form = await request.formData();
    const id = Number(form.get("id"));
    markRead(scope, Number.isInteger(id) && id > 0 ? id : null);
    // Back to the page the button was on, if the Referer names a page of this server (URL.canParse: a bad one is ignored).
    const back = request.headers.get("referer") ?? "";
    const path = URL.canParse(back) && new URL(back).host === new URL(request.url).host ? new URL(back).pathname : null;
    return redirect(safeRedirect(path, "/notifications"));
  });
}

export default function Notifications() {
  const { items } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("notifications.title")}</h1>
        {items.length > 0 ? (
          <Form method="post">
            <button type="submit" className="button">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        ) : null}
      </header>
      <section className="card">
        <NotificationList items={items} />
      </section>
    </div>
  );
}
