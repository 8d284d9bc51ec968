import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Columns, MonthGrid, StackedBars } from "../components/dashboard-charts";
import { canReadDashboard, requireAllowed, requireScope } from "../models/access.server";
import { dashboardFigures } from "../models/dashboard.server";
import { formatCount, formatPercent, formatPlain } from "../utils/digits";
import { monthName } from "../utils/jalali";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.dashboard");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canReadDashboard(scope), scope);
    return json(dashboardFigures(scope));
  });
}

/** The chart's width in its own units; the names take the right part, the bars the rest. */
const CHART_W = 560;
const LABEL_X = 330;
const BAR_MAX = 280;

const COLOURS: Record<string, string> = {
  pending: "#9aa5b1",
  delivered: "#3b82f6",
  accepted: "#16a34a",
  problem: "#dc2626",
};

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const { byStage, stages, agencies } = data;
  const { t } = useT();
  const lang = useLang();
  const max = Math.max(1, ...byStage.map((s) => s.count));
  const barH = 30;
  return (
    <div className="stack dashboard">
      <header className="page-header">
        <h1>{t("dashboard.title")}</h1>
        <button type="button" className="button no-print" onClick={() => window.print()}>
          {t("dashboard.print")}
        </button>
      </header>
      <p className="muted">{t("dashboard.intro")}</p>
      <section aria-labelledby="by-stage">
        <h2 id="by-stage">{t("dashboard.byStage")}</h2>
        {/* A group, not an image: its bars are links to the stage's data sets, and an image has no controls inside. */}
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing, which a fieldset cannot hold */}
        <svg
          role="group"
          aria-label={t("dashboard.byStage")}
          className="dashboard__chart"
          viewBox={`0 0 ${CHART_W} ${byStage.length * barH + 8}`}
        >
          <title>{t("dashboard.byStage")}</title>
          {byStage.map((s, i) => {
            const w = (s.count / max) * BAR_MAX;
            const y = i * barH + barH / 2 + 5;
            return (
              <a key={s.id} href={`/supply?stage=${s.id}`}>
                {/* Right to left: the stage's name at the right, its bar growing leftwards, the count at its end. */}
                <text x={CHART_W - 4} y={y} direction="rtl" textAnchor="start" fontSize="13">
                  {s.name}
                </text>
                <rect
                  x={LABEL_X - w}
                  y={i * barH + 4}
                  width={w}
                  height={barH - 8}
                  fill={COLOURS[s.kind] ?? "#64748b"}
                />
                <text x={LABEL_X - w - 6} y={y} direction="rtl" textAnchor="start" fontSize="13">
                  {formatCount(s.count, lang)}
                </text>
              </a>
            );
          })}
        </svg>
        <details>
          <summary>{t("dashboard.tableView")}</summary>
          <table className="table">
            <tbody>
              {byStage.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>
                    <Link to={`/supply?stage=${s.id}`}>{formatCount(s.count, lang)}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
      <section aria-labelledby="matrix">
        <h2 id="matrix">{t("dashboard.matrix")}</h2>
        <div className="table-wrap">
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.body")}</th>
                {stages.map((s) => (
                  <th key={s.id} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {agencies.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/supply?agency=${a.id}`}>{a.name}</Link>
                  </th>
                  {a.counts.map((c, i) => (
                    <td key={stages[i]?.id ?? i} data-label={stages[i]?.name} data-empty={c > 0 ? undefined : ""}>
                      {c > 0 ? (
                        <Link to={`/supply?agency=${a.id}&stage=${stages[i]?.id}`}>{formatCount(c, lang)}</Link>
                      ) : (
                        "—"
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <ResolutionsSection data={data} />
      <MeetingsSection data={data} />
    </div>
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

const STATE_COLOURS = { done: "#2a7f4f", open: "#8fb3c7", overdue: "#b3261e", cancelled: "#cbd5e1" } as const;
const STATES = ["done", "open", "overdue", "cancelled"] as const;
const AGE_LABELS = { under1: "ageUnderMonth", "1to3": "ageOneToThree", over3: "ageOverThree" } as const;

function ResolutionsSection({ data }: { data: Data }) {
  const { t } = useT();
  const lang = useLang();
  const rate = (r: number | null) => (r === null ? t("reports.noData") : formatPercent(r * 100, lang));
  const quarterLabel = (q: { quarter: number; year: number }) => t("reports.quarterLabel", { q: q.quarter, y: q.year });
  return (
    <>
      <section aria-labelledby="resolutions" className="dashboard__section">
        <h2 id="resolutions">{t("dashboard.resolutions")}</h2>
        <p className="muted">{t("dashboard.resolutionsHint")}</p>
        {data.byCommittee.length === 0 ? (
          <p>{t("dashboard.noCommittees")}</p>
        ) : (
          <StackedBars
            label={t("dashboard.resolutions")}
            legend={STATES.map((k) => ({ label: t(`reports.state.${k}`), colour: STATE_COLOURS[k] }))}
            rows={data.byCommittee.map((c) => ({
              id: c.id,
              name: c.name,
              href: `/bodies/${c.id}`,
              segments: STATES.map((k) => ({
                key: k,
                label: t(`reports.state.${k}`),
                value: c[k],
                colour: STATE_COLOURS[k],
                href: c.hrefs[k],
              })),
            }))}
          />
        )}
        <details>
          <summary>{t("dashboard.tableView")}</summary>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.committee")}</th>
                  {STATES.map((k) => (
                    <th key={k} scope="col">
                      {t(`reports.state.${k}`)}
                    </th>
                  ))}
                  {data.trend.map((q) => (
                    <th key={`${q.year}-${q.quarter}`} scope="col">
                      {t("dashboard.onTime")} {quarterLabel(q)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.byCommittee.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/bodies/${c.id}`}>{c.name}</Link>
                    </th>
                    {STATES.map((k) => (
                      <td key={k}>
                        {c[k] > 0 ? <Link to={c.hrefs[k]}>{formatCount(c[k], lang)}</Link> : formatCount(0, lang)}
                      </td>
                    ))}
                    {c.trend.map((q) => (
                      <td key={`${q.year}-${q.quarter}`}>{rate(q.rate)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
      <div className="dashboard-grid">
        <section aria-labelledby="on-time" className="dashboard__section">
          <h2 id="on-time">
            {t("dashboard.onTime")}: {t("dashboard.trend")}
          </h2>
          <p>
            {data.onTime.due === 0
              ? t("dashboard.onTimeNone")
              : t("dashboard.onTimeOf", { onTime: data.onTime.onTime, due: data.onTime.due })}
          </p>
          <Columns
            label={`${t("dashboard.onTime")}: ${t("dashboard.trend")}`}
            max={1}
            columns={data.trend.map((q) => ({
              key: `${q.year}-${q.quarter}`,
              label: quarterLabel(q),
              value: q.rate,
              text: rate(q.rate),
            }))}
          />
          <details>
            <summary>{t("dashboard.tableView")}</summary>
            <table className="table">
              <tbody>
                {data.trend.map((q) => (
                  <tr key={`${q.year}-${q.quarter}`}>
                    <th scope="row">{quarterLabel(q)}</th>
                    <td>{rate(q.rate)}</td>
                    <td>{t("dashboard.onTimeOf", { onTime: q.onTime, due: q.due })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
        <section aria-labelledby="overdue-age" className="dashboard__section">
          <h2 id="overdue-age">{t("dashboard.overdueAge")}</h2>
          <p>
            <Link to="/overdue">{t("dashboard.overdueTotal", { count: data.overdueTotal })}</Link>
          </p>
          <Columns
            label={t("dashboard.overdueAge")}
            columns={data.overdueByAge.map((a) => ({
              key: a.key,
              label: t(`dashboard.${AGE_LABELS[a.key]}`),
              value: a.count,
              text: formatCount(a.count, lang),
              colour: "#b3261e",
              href: a.href,
            }))}
          />
          <details>
            <summary>{t("dashboard.tableView")}</summary>
            <table className="table">
              <tbody>
                {data.overdueByAge.map((a) => (
                  <tr key={a.key}>
                    <th scope="row">{t(`dashboard.${AGE_LABELS[a.key]}`)}</th>
                    <td>
                      <Link to={a.href}>{formatCount(a.count, lang)}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      </div>
    </>
  );
}

function MeetingsSection({ data }: { data: Data }) {
  const { t } = useT();
  const lang = useLang();
  const { months, bodies, attendanceRate } = data.meetings;
  // The chart names the months; the table gives their year too.
  const monthLabel = (m: { jm: number; jy: number }) => `${monthName(m.jm, lang)} ${formatPlain(m.jy, lang)}`;
  const rate = (r: number | null) => (r === null ? t("reports.noData") : formatPercent(r * 100, lang));
  return (
    <section aria-labelledby="meetings" className="dashboard__section">
      <h2 id="meetings">
        {t("dashboard.meetings")} · {t("dashboard.attendance")}
      </h2>
      <p className="muted">{t("dashboard.meetingsHint")}</p>
      {bodies.length === 0 ? (
        <p>{t("dashboard.noMeetings")}</p>
      ) : (
        <>
          <p>{t("dashboard.attendanceAll", { rate: rate(attendanceRate) })}</p>
          <MonthGrid
            label={t("dashboard.meetings")}
            months={months.map((m) => monthName(m.jm, lang))}
            rows={bodies.map((b) => ({
              id: b.id,
              name: b.name,
              href: b.href,
              perMonth: b.perMonth,
              monthHrefs: b.monthHrefs,
            }))}
          />
        </>
      )}
      <details>
        <summary>{t("dashboard.tableView")}</summary>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.body")}</th>
                {months.map((m) => (
                  <th key={`${m.jy}-${m.jm}`} scope="col">
                    {monthLabel(m)}
                  </th>
                ))}
                <th scope="col">{t("dashboard.total")}</th>
                <th scope="col">{t("dashboard.attendance")}</th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((b) => (
                <tr key={b.id}>
                  <th scope="row">
                    <Link to={`/meetings?body=${b.id}`}>{b.name}</Link>
                  </th>
                  {b.perMonth.map((n, j) => (
                    <td key={`${months[j]?.jy}-${months[j]?.jm}`}>
                      {n > 0 ? (
                        <Link to={b.monthHrefs[j] ?? b.href}>{formatCount(n, lang)}</Link>
                      ) : (
                        formatCount(0, lang)
                      )}
                    </td>
                  ))}
                  <td>
                    <Link to={b.href}>{formatCount(b.total, lang)}</Link>
                  </td>
                  <td>{rate(b.attendanceRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
