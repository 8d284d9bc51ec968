import { formatPercent, formatPlain } from "../utils/digits";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

type CommitteeBars = { name: string; figures: { done: number; open: number; overdue: number } }[];

/** Stacked horizontal bars: done, open (in time) and overdue resolutions per section, the figures of the table beside. */
export function StateChart({ committees }: { committees: CommitteeBars }) {
  const { t } = useT();
  const lang = useLang();
  const rtl = lang === "fa";
  const total = (f: CommitteeBars[number]["figures"]) => f.done + f.open + f.overdue;
  const max = Math.max(1, ...committees.map((c) => total(c.figures)));
  const width = 640;
  const label = 210;
  const barArea = width - label - 40;
  const row = 30;
  const height = committees.length * row + 40;
  const colors = { done: "#2a7f4f", open: "#8fb3c7", overdue: "#b3261e" };
  // In a right-to-left document the labels sit on the right and the bars grow leftwards.
  const x = (v: number) => (rtl ? width - label - (v / max) * barArea : label + (v / max) * barArea);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t("reports.byState")} className="chart">
      {committees.map((c, i) => {
        const y = i * row + 6;
        const parts: [keyof typeof colors, number][] = [
          ["done", c.figures.done],
          ["open", c.figures.open],
          ["overdue", c.figures.overdue],
        ];
        let start = 0;
        return (
          <g key={c.name}>
            <text x={rtl ? width - 4 : 4} y={y + 15} fontSize="12" textAnchor="start" direction={rtl ? "rtl" : "ltr"}>
              {c.name}
            </text>
            {parts.map(([k, v]) => {
              const x0 = x(start);
              const x1 = x(start + v);
              start += v;
              return v > 0 ? (
                <rect key={k} x={Math.min(x0, x1)} y={y} width={Math.abs(x1 - x0)} height={20} fill={colors[k]} />
              ) : null;
            })}
            <text
              x={x(start) + (rtl ? -6 : 6)}
              y={y + 15}
              fontSize="11"
              textAnchor="start"
              direction={rtl ? "rtl" : "ltr"}
            >
              {formatPlain(total(c.figures), lang)}
            </text>
          </g>
        );
      })}
      <g transform={`translate(0 ${height - 14})`} fontSize="11">
        {(["done", "open", "overdue"] as const).map((k, i) => {
          const lx = rtl ? width - 20 - i * 110 : 20 + i * 110;
          return (
            <g key={k}>
              <rect x={rtl ? lx - 10 : lx} y={-9} width={10} height={10} fill={colors[k]} />
              <text x={rtl ? lx - 14 : lx + 14} y={0} textAnchor="start" direction={rtl ? "rtl" : "ltr"}>
                {t(`reports.${k}`)}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/** On-time rate per quarter as columns, most recent last (in reading order). */
export function TrendChart({ points }: { points: { year: number; quarter: number; rate: number | null }[] }) {
  const { t } = useT();
  const lang = useLang();
  const rtl = lang === "fa";
  const width = 640;
  const height = 200;
  const base = 160;
  const slot = (width - 40) / points.length;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t("reports.trend")} className="chart">
      <line x1={20} x2={width - 20} y1={base} y2={base} stroke="#999" />
      {points.map((p, i) => {
        const cx = rtl ? width - 20 - slot * (i + 0.5) : 20 + slot * (i + 0.5);
        const h = p.rate === null ? 0 : p.rate * 130;
        return (
          <g key={`${p.year}-${p.quarter}`}>
            {p.rate === null ? null : <rect x={cx - 22} y={base - h} width={44} height={h} fill="#0f5257" />}
            <text x={cx} y={base - h - 6} fontSize="12" textAnchor="middle">
              {p.rate === null ? t("reports.noData") : formatPercent(p.rate * 100, lang)}
            </text>
            <text x={cx} y={base + 18} fontSize="11" textAnchor="middle">
              {t("reports.quarterLabel", { q: p.quarter, y: p.year })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
