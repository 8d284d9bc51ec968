import type { FieldPath } from "react-hook-form";
import type { MinutesDoc } from "../../schemas/minutes";
import { formatPlain } from "../../utils/digits";
import { conflictPath, type OpenConflict, type ROW_IDENTITY } from "../../utils/draft-merge";
import { formatTimestamp } from "../../utils/jalali";
import { useLang } from "../../utils/use-lang";
import { useT } from "../../utils/use-t";
import { useVoteText } from "../minutes-view";
import type { Form } from "./shared";

/** The label of each field a conflict can be in (the editor's own labels). */
const FIELD_LABELS: Record<string, string> = {
  date: "minutes.date",
  startTime: "minutes.startTime",
  endTime: "minutes.endTime",
  place: "minutes.place",
  mode: "minutes.mode",
  chairPersonId: "minutes.chair",
  secretaryPersonId: "minutes.secretary",
  openingRemarks: "minutes.openingRemarks",
  summary: "minutes.summary",
  quorumReason: "minutes.quorum.reason",
  guests: "minutes.guests",
  nextDate: "minutes.nextDate",
  nextTime: "minutes.nextTime",
  nextAgenda: "minutes.nextAgenda",
  title: "minutes.agendaTitle",
  discussion: "minutes.discussion",
  bodyId: "minutes.reportBody",
  agendaKey: "minutes.reportAgenda",
  text: "minutes.reportText",
  subject: "minutes.subject",
  owners: "minutes.owners",
  timeframeKind: "minutes.timeframe",
  timeframeCount: "minutes.timeframe",
  timeframeDate: "minutes.timeframe",
  timeframeText: "minutes.timeframe",
  vote: "minutes.vote",
  substitute: "minutes.substitute",
  time: "minutes.timeAttended",
  percent: "minutes.followUpPercent",
  note: "minutes.followUpNote",
  newDueDate: "minutes.followUpNewDue",
  name: "minutes.member",
};
const SECTION_LABELS: Record<keyof typeof ROW_IDENTITY, string> = {
  agenda: "minutes.agenda",
  reports: "minutes.reports",
  resolutions: "minutes.resolutions",
  attendance: "minutes.attendance",
  followUps: "minutes.followUpSection",
};

/**
 * The fields the person and someone else both changed: both texts side by side; the person keeps one, or both
 * (to edit into one), and the choice goes into the field and settles the conflict with the next save.
 */
export function ConflictPanel({
  conflicts,
  form,
  onResolve,
}: {
  conflicts: OpenConflict[];
  form: Form;
  onResolve: (id: number) => void;
}) {
  const { t } = useT();
  const lang = useLang();
  const voteText = useVoteText();
  if (conflicts.length === 0) return null;

  const shown = (c: OpenConflict, value: unknown): string => {
    if (c.field === "vote") return voteText(value as MinutesDoc["resolutions"][number]["vote"]) ?? "—";
    if (c.field === "status" && c.section === "attendance") return t(`minutes.attendanceStatus.${value}`);
    if (c.field === "timeframeKind") return t(`minutes.timeframeKinds.${value}`);
    if (c.field === "mode") return t(`minutes.modes.${value}`);
    if (Array.isArray(value))
      return value
        .map((item) =>
          typeof item === "object" && item
            ? String((item as Record<string, unknown>).label || (item as Record<string, unknown>).name || "") ||
              String((item as Record<string, unknown>).title ?? "")
            : String(item),
        )
        .join("\n");
    if (value === null || value === undefined || value === "") return "—";
    return typeof value === "number" ? formatPlain(value, lang) : String(value);
  };

  const place = (c: OpenConflict, path: string | null) => {
    const field = t(FIELD_LABELS[c.field] ?? "minutes.summary");
    if (c.row === null) return field;
    const section = t(SECTION_LABELS[c.section as keyof typeof ROW_IDENTITY]);
    const index = path ? Number(path.split(".")[1]) + 1 : null;
    return index ? t("minutes.conflicts.rowPlace", { section, row: index, field }) : `${section} — ${field}`;
  };

  const choose = (c: OpenConflict, path: string | null, value: unknown) => {
    if (path) form.setValue(path as FieldPath<MinutesDoc>, value as never, { shouldDirty: true });
    onResolve(c.id);
  };

  return (
    <section className="card stack conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t("minutes.conflicts.title", { count: conflicts.length })}</h2>
      <p>{t("minutes.conflicts.intro")}</p>
      {conflicts.map((c) => {
        const path = conflictPath(form.getValues(), c);
        const by = c.by ?? t("minutes.conflicts.someone");
        const combinable = typeof c.mine === "string" && typeof c.theirs === "string";
        return (
          <article
            key={c.id}
            className="stack conflict"
            aria-label={t("minutes.conflicts.about", { place: place(c, path) })}
          >
            <h3>{place(c, path)}</h3>
            <p className="muted small">{t("minutes.conflicts.when", { by, at: formatTimestamp(c.at, lang) })}</p>
            <div className="conflict__sides">
              <figure>
                <figcaption>{t("minutes.conflicts.mine")}</figcaption>
                <p className="conflict__text">{shown(c, c.mine)}</p>
              </figure>
              <figure>
                <figcaption>{t("minutes.conflicts.theirs", { by })}</figcaption>
                <p className="conflict__text">{shown(c, c.theirs)}</p>
              </figure>
            </div>
            {path ? null : <p className="muted">{t("minutes.conflicts.rowGone")}</p>}
            <div className="row">
              {path ? (
                <>
                  <button type="button" className="button button--small" onClick={() => choose(c, path, c.mine)}>
                    {t("minutes.conflicts.keepMine")}
                  </button>
                  <button type="button" className="button button--small" onClick={() => choose(c, path, c.theirs)}>
                    {t("minutes.conflicts.keepTheirs", { by })}
                  </button>
                  {combinable ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => choose(c, path, `${c.theirs}\n${c.mine}`)}
                    >
                      {t("minutes.conflicts.combine")}
                    </button>
                  ) : null}
                </>
              ) : (
                <button type="button" className="button button--small" onClick={() => choose(c, null, null)}>
                  {t("minutes.conflicts.dismiss")}
                </button>
              )}
            </div>
          </article>
        );
      })}
    </section>
  );
}
