import type { MinutesDoc } from "../schemas/minutes";
import { formatPercent, formatPlain, localDigits, toAsciiDigits } from "../utils/digits";
import { formatJalali, formatJalaliLong, parseJalaliInput } from "../utils/jalali";
import { minutesHeading } from "../utils/meeting-title";
import { namesOfKind } from "../utils/owner-match";
import { namesForReader } from "../utils/person-name";
import { type TimeframeFields, timeframeText } from "../utils/timeframe";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";
import { readVote, voteWords } from "../utils/vote";

export type MinutesViewData = {
  doc: MinutesDoc;
  bodyName: string;
  groupName?: string | null;
  number: number;
  names: {
    bodies: Record<string, string>;
    groups: Record<string, string>;
    people: Record<string, string>;
    organisations?: Record<string, string>;
  };
  deadlines: { due: string | null; nominal: string | null; moved: boolean }[];
  quorum?: { needed: number; present: number; members: number; met: boolean; reason: string } | null;
  followed?: { resolutionId: number; number: number; meetingNumber: number; subject: string }[];
};

/** The vote of a resolution in the minutes' words, or null when none was recorded. */
export function useVoteText() {
  const { t } = useT();
  return (draft: MinutesDoc["resolutions"][number]["vote"]) => {
    const words = voteWords(readVote(draft).vote);
    return words ? t(words.key, words.values) : null;
  };
}

/** Ordinal words for agenda items (from the locale), the number itself beyond the twelfth. */
function useOrdinal() {
  const { t } = useT();
  const lang = useLang();
  return (n: number) => t(`minutes.ordinals.${n}`, { defaultValue: formatPlain(n, lang) });
}

const isoOf = (typed: string) => {
  const r = parseJalaliInput(typed);
  return r.ok ? r.iso : null;
};

/** Timeframe of a resolution as the minutes write it: two weeks, standing, until a date. */
export function useTimeframeText() {
  const { t } = useT();
  const lang = useLang();
  return (r: TimeframeFields) => timeframeText(r, t, lang);
}

/**
 * The minutes laid out like the secretariat's own documents; used by the page, printing and the PDF. `codes` (by
 * resolution id) shows each resolution's code, a link to its page.
 */
export function MinutesView({ data, codes = {} }: { data: MinutesViewData; codes?: Record<string, string> }) {
  const { t } = useT();
  const lang = useLang();
  const timeframeText = useTimeframeText();
  const voteText = useVoteText();
  const ordinal = useOrdinal();
  const { doc } = data;
  // The people's names with the reader's honorifics («Dr …» on an English page); the names themselves as written.
  const names =
    lang === "en"
      ? {
          ...data.names,
          people: Object.fromEntries(Object.entries(data.names.people).map(([id, n]) => [id, namesForReader(n, lang)])),
        }
      : data.names;
  const dateIso = isoOf(doc.date);
  const nextIso = isoOf(doc.nextDate);
  const ownerName = (o: MinutesDoc["resolutions"][number]["owners"][number]) =>
    namesOfKind(names, o.kind)[String(o.id)] ?? o.label;
  // «نام (سازمان)» for a guest who came for an outside organisation.
  const guestName = (g: MinutesDoc["guests"][number]) => {
    const organisation = g.organisationId ? names.organisations?.[String(g.organisationId)] : undefined;
    const name = namesForReader(g.name, lang);
    return organisation ? `${name} (${organisation})` : name;
  };
  const reportsFor = (key: string | null) =>
    doc.reports.filter((r) => (key === null ? !doc.agenda.some((a) => a.key === r.agendaKey) : r.agendaKey === key));
  const present = doc.attendance.filter((a) => a.status === "present" || a.status === "represented");
  const absent = doc.attendance.filter((a) => a.status === "absent" || a.status === "excused");

  return (
    <article className="minutes" lang={lang}>
      <header className="minutes__header">
        <p className="minutes__org">{data.bodyName}</p>
        <h1>{minutesHeading(t, data)}</h1>
        <table className="minutes__meta">
          <tbody>
            <tr>
              <th scope="row">{t("minutes.date")}</th>
              <td>{dateIso ? formatJalaliLong(dateIso, lang) : doc.date}</td>
              <th scope="row">{t("minutes.session")}</th>
              <td>{localDigits([doc.startTime, doc.endTime].filter(Boolean).join(" – "), lang) || "—"}</td>
            </tr>
            <tr>
              <th scope="row">{t("minutes.place")}</th>
              <td>{doc.place || "—"}</td>
              <th scope="row">{t("minutes.mode")}</th>
              <td>{t(`minutes.modes.${doc.mode}`)}</td>
            </tr>
            <tr>
              <th scope="row">{t("minutes.chair")}</th>
              <td>{doc.chairPersonId ? names.people[String(doc.chairPersonId)] : "—"}</td>
              <th scope="row">{t("minutes.secretary")}</th>
              <td>{doc.secretaryPersonId ? names.people[String(doc.secretaryPersonId)] : "—"}</td>
            </tr>
          </tbody>
        </table>
      </header>

      <section>
        <h2>{t("minutes.agenda")}:</h2>
        <ul>
          {doc.agenda.map((a) => (
            <li key={a.key}>{a.title}</li>
          ))}
        </ul>
      </section>

      {doc.openingRemarks || doc.summary ? (
        <section>
          <h2>{t("minutes.summary")}</h2>
          {doc.openingRemarks ? <p className="pre-line">{doc.openingRemarks}</p> : null}
          {doc.summary ? <p className="pre-line">{doc.summary}</p> : null}
        </section>
      ) : null}

      {doc.agenda.map((a, i) => (
        <section key={a.key} className="minutes__item">
          <h3>
            {t("minutes.agendaItem", { ordinal: ordinal(i + 1) })}: {a.title}
          </h3>
          {a.discussion ? <p className="pre-line">{a.discussion}</p> : null}
          {reportsFor(a.key).map((r) => (
            <Report key={r.key} r={r} bodyName={names.bodies[String(r.bodyId)] ?? ""} />
          ))}
        </section>
      ))}
      {reportsFor(null).length > 0 ? (
        <section className="minutes__item">
          <h3>{t("minutes.reports")}</h3>
          {reportsFor(null).map((r) => (
            <Report key={r.key} r={r} bodyName={names.bodies[String(r.bodyId)] ?? ""} />
          ))}
        </section>
      ) : null}

      <FollowedUp data={data} />

      <section>
        <h2>{t("minutes.resolutions")}:</h2>
        <table className="minutes__table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("minutes.subject")}</th>
              <th scope="col">{t("minutes.owners")}</th>
              <th scope="col">{t("minutes.timeframe")}</th>
              <th scope="col">{t("minutes.deadline")}</th>
            </tr>
          </thead>
          <tbody>
            {doc.resolutions.map((r, i) => {
              const d = data.deadlines[i];
              const vote = voteText(r.vote);
              return (
                <tr key={r.key || i}>
                  {/* A resolution keeps its number through corrections (older editions carry none: by position). */}
                  <td>{formatPlain(r.number ?? i + 1, lang)}</td>
                  <td>
                    <span className="pre-line">{r.subject}</span>
                    {vote ? <small className="minutes__vote">{vote}</small> : null}
                    {r.id && codes[String(r.id)] ? (
                      <small className="minutes__code">
                        <a href={`/resolutions/${r.id}`}>{localDigits(codes[String(r.id)], lang)}</a>
                      </small>
                    ) : null}
                  </td>
                  <td>{r.owners.map(ownerName).join(" / ")}</td>
                  <td className="nowrap">{timeframeText(r)}</td>
                  <td>
                    {d?.due ? (
                      <>
                        <span className="nowrap">{formatJalali(d.due, lang)}</span>
                        <small className="minutes__rule">
                          {r.timeframeKind === "date"
                            ? t("minutes.deadlineFixed")
                            : t("minutes.deadlineRule", { timeframe: timeframeText(r) })}
                          {d.moved && d.nominal
                            ? ` — ${t("minutes.deadlineMoved", { nominal: formatJalali(d.nominal, lang) })}`
                            : ""}
                        </small>
                      </>
                    ) : r.timeframeKind === "standing" ? (
                      <small className="minutes__rule">{t("minutes.standingNote")}</small>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      {doc.nextAgenda.length > 0 || nextIso ? (
        <section>
          <h2>{t("minutes.nextAgenda")}:</h2>
          <ul>
            {doc.nextAgenda.map((a, i) => (
              <li key={i}>{a.title}</li>
            ))}
          </ul>
          {nextIso ? (
            <p>
              <strong>{t("minutes.next")}:</strong> {formatJalaliLong(nextIso, lang)}
              {doc.nextTime ? ` ${t("minutes.at", { time: localDigits(doc.nextTime, lang) })}` : ""}
            </p>
          ) : null}
        </section>
      ) : null}

      <section>
        <h2>{t("minutes.attendance")}</h2>
        {data.quorum ? (
          <p className="minutes__quorum">
            {t(data.quorum.met ? "minutes.quorum.met" : "minutes.quorum.notMet", data.quorum)}
            {!data.quorum.met && data.quorum.reason ? (
              <> {t("minutes.quorum.recorded", { reason: data.quorum.reason })}</>
            ) : null}
          </p>
        ) : null}
        <table className="minutes__table minutes__attendance">
          <thead>
            <tr>
              <th scope="col">{t("minutes.member")}</th>
              <th scope="col">{t("bodies.status")}</th>
              <th scope="col">{t("minutes.substitute")}</th>
              <th scope="col">{t("minutes.timeAttended")}</th>
            </tr>
          </thead>
          <tbody>
            {[...present, ...absent].map((a) => (
              <tr key={a.personId}>
                <td>{namesForReader(a.name, lang)}</td>
                <td>{t(`minutes.attendanceStatus.${a.status}`)}</td>
                <td>{a.substitute || "—"}</td>
                <td>{localDigits(a.time || "—", lang)}</td>
              </tr>
            ))}
            {doc.guests.map((g, i) => (
              <tr key={`g${i}`}>
                <td>{guestName(g)}</td>
                <td>{t("minutes.guests")}</td>
                <td>—</td>
                <td>{localDigits(g.time || "—", lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

/** «پیگیری مصوبات جلسات قبل»: what this meeting decided about earlier open resolutions. */
function FollowedUp({ data }: { data: MinutesViewData }) {
  const { t } = useT();
  const lang = useLang();
  const byId = new Map((data.followed ?? []).map((f) => [f.resolutionId, f]));
  // Editions frozen before minutes had a follow-up section have no `followUps`.
  const rows = (data.doc.followUps ?? []).filter((f) => byId.has(f.resolutionId));
  if (rows.length === 0) return null;
  return (
    <section>
      <h2>{t("minutes.followUpSection")}:</h2>
      <table className="minutes__table">
        <thead>
          <tr>
            <th scope="col">{t("minutes.followUpResolution")}</th>
            <th scope="col">{t("minutes.followUpNote")}</th>
            <th scope="col">{t("minutes.followUpStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => {
            const r = byId.get(f.resolutionId)!;
            const due = isoOf(f.newDueDate);
            return (
              <tr key={f.resolutionId}>
                <td>
                  <small className="nowrap">{t("minutes.fromMeeting", { n: r.meetingNumber, r: r.number })}</small>
                  <span className="pre-line"> {r.subject}</span>
                </td>
                <td className="pre-line">
                  {f.note}
                  {f.percent.trim() ? ` (${formatPercent(Number(toAsciiDigits(f.percent)), lang)})` : ""}
                </td>
                <td>
                  {f.status ? t(`resolutionStatus.${f.status}`) : t("minutes.followUpKeep")}
                  {due ? (
                    <small className="minutes__rule">
                      {t("minutes.followUpNewDue")}: {formatJalali(due, lang)}
                    </small>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Report({ r, bodyName }: { r: MinutesDoc["reports"][number]; bodyName: string }) {
  const { t } = useT();
  return (
    <div className="minutes__report">
      <h4>{t("minutes.reportOf", { body: bodyName })}</h4>
      <p className="pre-line">{r.text}</p>
    </div>
  );
}
