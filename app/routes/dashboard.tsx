import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canReadDashboard, requireAllowed, requireScope } from "../models/access.server";
import { dashboardFigures } from "../models/dashboard.server";
import { formatCount } from "../utils/digits";
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
  const { byStage, stages, agencies } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  const max = Math.max(1, ...byStage.map((s) => s.count));
  const barH = 30;
  return (
    <div className="stack dashboard">
      <header className="page-header">
        <h1>{t("dashboard.title")}</h1>
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
          <table className="table">
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
                    <td key={stages[i]?.id ?? i}>
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
    </div>
  );
}
