import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import type { ReactNode } from "react";

/**
 * The box a wide table scrolls sideways in on a narrow screen: focusable, so a keyboard can scroll it, and a named
 * region, so a screen reader says what that stop is.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must take focus to scroll by keyboard
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

/**
 * The label a cell carries for the narrow-screen cards (`data-label`, shown by `.table--cards` at ≤ 640 px): its
 * column's header when that is text.
 */
// biome-ignore lint/suspicious/noExplicitAny: accessor columns carry different value types
export function cellLabel(column: ColumnDef<any, any>): string | undefined {
  return typeof column.header === "string" ? column.header : undefined;
}

/**
 * A plain, accessible table over @tanstack/react-table; rows arrive sorted and filtered from the server. On a phone
 * each row becomes a card: the first column is its title, every other cell is labelled with its column's header.
 */
export function DataTable<T>({
  columns,
  data,
  caption,
  empty,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: accessor columns carry different value types
  columns: ColumnDef<T, any>[];
  data: T[];
  caption?: string;
  empty?: string;
}) {
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel() });
  return (
    <div className="table-wrap">
      <table className="table table--cards">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => (
                <th key={h.id} scope="col">
                  {h.isPlaceholder ? null : flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell, i) =>
                  i === 0 ? (
                    <td key={cell.id} data-card="title">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ) : (
                    <td key={cell.id} data-label={cellLabel(cell.column.columnDef)}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
