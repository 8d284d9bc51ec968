/**
 * The dashboard's charts (the bars serve the reports' data-supply part too): server-rendered SVG (readable without JavaScript), right to left in Persian, each mark a link
 * to the list behind it. Every chart has a name (aria-label; a group when its bars are links, since an image has no controls inside, else an image) and the page puts its figures in a table.
 */
import type { ReactNode } from "react";
import { formatPlain } from "../utils/digits";
import { useLang } from "../utils/use-lang";

const W = 640;

/** An <a> around a mark when it has a list behind it. */
/** A chart's role: a group of links when any part links somewhere, else one image. */
const chartRole = (hrefs: (string | undefined)[]) => (hrefs.some(Boolean) ? "group" : "img");

function Linked({ href, children }: { href?: string; children: ReactNode }) {
  return href ? <a href={href}>{children}</a> : <g>{children}</g>;
}

export type Segment = { key: string; label: string; value: number; colour: string; href?: string };

/** Stacked horizontal bars, one row per name; the name at the start (right in Persian), the total at the bar's end. */
export function StackedBars({
  label,
  rows,
  legend,
  className = "dashboard__chart",
}: {
  label: string;
  rows: { id: number; name: string; href?: string; segments: Segment[] }[];
  legend: { label: string; colour: string }[];
  className?: string;
}) {
  const lang = useLang();
  const rtl = lang === "fa";
  const nameW = 200;
  const area = W - nameW - 50;
  const row = 30;
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0)));
  const height = rows.length * row + 34;
  const x = (v: number) => (rtl ? W - nameW - (v / max) * area : nameW + (v / max) * area);
  const dir = rtl ? "rtl" : "ltr";
  return (
    <svg
      viewBox={`0 0 ${W} ${height}`}
      role={chartRole(rows.flatMap((r) => [r.href, ...r.segments.map((s) => s.href)]))}
      aria-label={label}
      className={className}
    >
      <title>{label}</title>
      {rows.map((r, i) => {
        const y = i * row + 4;
        let start = 0;
        return (
          <g key={r.id}>
            <Linked href={r.href}>
              <text x={rtl ? W - 4 : 4} y={y + 16} fontSize="12" textAnchor="start" direction={dir}>
                {r.name.length > 30 ? `${r.name.slice(0, 29)}…` : r.name}
              </text>
            </Linked>
            {r.segments.map((s) => {
              const x0 = x(start);
              start += s.value;
              const x1 = x(start);
              return s.value > 0 ? (
                <Linked key={s.key} href={s.href}>
                  <rect x={Math.min(x0, x1)} y={y} width={Math.abs(x1 - x0)} height={22} fill={s.colour}>
                    <title>{`${s.label}: ${formatPlain(s.value, lang)}`}</title>
                  </rect>
                </Linked>
              ) : null;
            })}
            <text x={x(start) + (rtl ? -6 : 6)} y={y + 16} fontSize="11" textAnchor="start" direction={dir}>
              {formatPlain(start, lang)}
            </text>
          </g>
        );
      })}
      <Legend items={legend} y={height - 10} />
    </svg>
  );
}

function Legend({ items, y }: { items: { label: string; colour: string }[]; y: number }) {
  const lang = useLang();
  const rtl = lang === "fa";
  return (
    <g transform={`translate(0 ${y})`} fontSize="11">
      {items.map((k, i) => {
        const lx = rtl ? W - 8 - i * 155 : 8 + i * 155;
        return (
          <g key={k.label}>
            <rect x={rtl ? lx - 10 : lx} y={-9} width={10} height={10} fill={k.colour} />
            <text x={rtl ? lx - 14 : lx + 14} y={0} textAnchor="start" direction={rtl ? "rtl" : "ltr"}>
              {k.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Columns in reading order (the first at the right in Persian); a column without a value shows `text` only. */
export function Columns({
  label,
  columns,
  max,
}: {
  label: string;
  columns: { key: string; label: string; value: number | null; text: string; colour?: string; href?: string }[];
  /** The value of a full column (1 for rates); the largest value when left out. */
  max?: number;
}) {
  const lang = useLang();
  const rtl = lang === "fa";
  const height = 190;
  const base = 150;
  const top = Math.max(1e-9, max ?? Math.max(1, ...columns.map((c) => c.value ?? 0)));
  const slot = (W - 40) / Math.max(1, columns.length);
  return (
    <svg
      viewBox={`0 0 ${W} ${height}`}
      role={chartRole(columns.map((c) => c.href))}
      aria-label={label}
      className="dashboard__chart"
    >
      <title>{label}</title>
      <line x1={20} x2={W - 20} y1={base} y2={base} stroke="#94a3b8" />
      {columns.map((c, i) => {
        const cx = rtl ? W - 20 - slot * (i + 0.5) : 20 + slot * (i + 0.5);
        const h = c.value === null ? 0 : (c.value / top) * 120;
        return (
          <Linked key={c.key} href={c.href}>
            {h > 0 ? <rect x={cx - 24} y={base - h} width={48} height={h} fill={c.colour ?? "#0f5257"} /> : null}
            <text x={cx} y={base - h - 6} fontSize="12" textAnchor="middle">
              {c.text}
            </text>
            <text x={cx} y={base + 20} fontSize="11" textAnchor="middle" direction={rtl ? "rtl" : "ltr"}>
              {c.label}
            </text>
          </Linked>
        );
      })}
    </svg>
  );
}

/**
 * A grid of bodies × months: in each cell a column as high as the meetings held, with their number. A body's name
 * links to its list over all the months, each month's figure (when not zero) to that month's list.
 */
export function MonthGrid({
  label,
  months,
  rows,
}: {
  label: string;
  months: string[];
  rows: { id: number; name: string; href: string; perMonth: number[]; monthHrefs: string[] }[];
}) {
  const lang = useLang();
  const rtl = lang === "fa";
  const nameW = 200;
  const cell = (W - nameW - 10) / Math.max(1, months.length);
  const row = 34;
  const max = Math.max(1, ...rows.flatMap((r) => r.perMonth));
  const height = rows.length * row + 30;
  const cx = (j: number) => (rtl ? W - nameW - cell * (j + 0.5) : nameW + cell * (j + 0.5));
  const dir = rtl ? "rtl" : "ltr";
  return (
    <svg
      viewBox={`0 0 ${W} ${height}`}
      role={chartRole(rows.flatMap((r) => [r.href, ...r.monthHrefs]))}
      aria-label={label}
      className="dashboard__chart"
    >
      <title>{label}</title>
      {months.map((m, j) => (
        <text key={m} x={cx(j)} y={14} fontSize="11" textAnchor="middle" direction={dir}>
          {m}
        </text>
      ))}
      {rows.map((r, i) => {
        const y = 24 + i * row;
        return (
          <g key={r.id}>
            <a href={r.href}>
              <text x={rtl ? W - 4 : 4} y={y + 20} fontSize="12" textAnchor="start" direction={dir}>
                {r.name.length > 30 ? `${r.name.slice(0, 29)}…` : r.name}
              </text>
            </a>
            {r.perMonth.map((n, j) => {
              const h = (n / max) * 24;
              const figure = (
                <>
                  {n > 0 ? <rect x={cx(j) - 14} y={y + 28 - h} width={12} height={h} fill="#3b82f6" /> : null}
                  <text x={cx(j) + 6} y={y + 24} fontSize="11" textAnchor="middle">
                    {n > 0 ? formatPlain(n, lang) : "·"}
                  </text>
                </>
              );
              return n > 0 ? (
                <a key={j} href={r.monthHrefs[j]}>
                  <title>{`${r.name} · ${months[j]}: ${formatPlain(n, lang)}`}</title>
                  {figure}
                </a>
              ) : (
                <g key={j}>{figure}</g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
