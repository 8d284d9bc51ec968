import { formatPercent } from "../../utils/digits";
import { formatJalali } from "../../utils/jalali";
import { useLang } from "../../utils/use-lang";
import { useT } from "../../utils/use-t";
import type { EditorProps } from "./shared";

/** The body's open resolutions from earlier meetings, with their last progress, to review in this one. */
export function FollowUpSection({ rows }: { rows: EditorProps["followUps"] }) {
  const { t } = useT();
  const lang = useLang();
  return (
    <section className="card stack" aria-labelledby="sec-followup">
      <h2 id="sec-followup">{t("minutes.followUp")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("minutes.noOpen")}</p>
      ) : (
        <ul className="plain-list">
          {rows.map((r) => (
            <li key={r.id}>
              <span className="muted">{t("minutes.fromMeeting", { n: r.meetingNumber, r: r.number })}</span> —{" "}
              {r.subject} <span className="badge">{t(`resolutionStatus.${r.status}`, { defaultValue: r.status })}</span>
              {r.dueDate ? ` ${t("minutes.deadline")}: ${formatJalali(r.dueDate, lang)}` : ""}
              {r.lastPercent !== null ? ` · ${formatPercent(r.lastPercent, lang)}` : ""}
              {r.lastNote ? ` · ${r.lastNote}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
