import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canReadDashboard, requireAllowed, requireScope } from "../models/access.server";
import { dashboardFigures } from "../models/dashboard.server";
import { formatCount } from "../utils/digits";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    requireAllowed(canReadDashboard(scope), scope);
    return json(dashboardFigures(scope));
  });
}

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
  const barH = 28;
  return (
    <div className="stack dashboard">
      <header className="page-header">
        <h1>{t("dashboard.title")}</h1>
      </header>
      <p className="muted">{t("dashboard.intro")}</p>
      <section aria-labelledby="by-stage">
        <h2 id="by-stage">{t("dashboard.byStage")}</h2>
        <svg
          role="img"
          aria-label={t("dashboard.byStage")}
          viewBox={`0 0 400 ${byStage.length * barH + 8}`}
          style={{ maxInlineSize: "100%", blockSize: "auto" }}
        >
          <title>{t("dashboard.byStage")}</title>
          {byStage.map((s, i) => (
            <a key={s.id} href={`/supply?stage=${s.id}`}>
              <rect
                x={400 - (s.count / max) * 260}
                y={i * barH + 4}
                width={(s.count / max) * 260}
                height={barH - 8}
                fill={COLOURS[s.kind] ?? "#64748b"}
              />
              <text x={400 - (s.count / max) * 260 - 6} y={i * barH + barH / 2 + 4} textAnchor="end" fontSize="12">
                {`${s.name}: ${formatCount(s.count, lang)}`}
              </text>
            </a>
          ))}
        </svg>
        <details>
          <summary>{t("dashboard.tableView")}</summary>
          <table>
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
          <table>
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
