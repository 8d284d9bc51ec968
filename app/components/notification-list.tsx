import { Form, Link } from "@remix-run/react";
import type { NOTIFICATION_KINDS } from "../../db/enums";
import { localDigits } from "../utils/digits";
import { formatJalali } from "../utils/jalali";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

type Item = {
  id: number;
  kind: (typeof NOTIFICATION_KINDS)[number];
  resolutionId: number;
  code: string;
  subject: string;
  dueDate: string | null;
};

/** Unread notifications with "mark read", posted to /notifications. */
export function NotificationList({ items }: { items: Item[] }) {
  const { t } = useT();
  const lang = useLang();
  if (items.length === 0) return <p className="muted">{t("notifications.empty")}</p>;
  return (
    <ul className="plain-list notification-list">
      {items.map((n) => (
        <li key={n.id} className={`notification notification--${n.kind}`}>
          <span className="badge">{t(`notifications.kinds.${n.kind}`)}</span>{" "}
          <Link to={`/resolutions/${n.resolutionId}`}>
            {localDigits(n.code, lang)} — {n.subject.length > 120 ? `${n.subject.slice(0, 120)}…` : n.subject}
          </Link>
          {n.dueDate ? <span className="muted"> · {formatJalali(n.dueDate, lang)}</span> : null}
          <Form method="post" action="/notifications" className="inline-form">
            <input type="hidden" name="id" value={n.id} />
            <button
              type="submit"
              className="button button--small button--ghost"
              aria-label={`${t("notifications.markRead")}: ${localDigits(n.code, lang)}`}
            >
              {t("notifications.markRead")}
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}
