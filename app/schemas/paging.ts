import { toAsciiDigits } from "../utils/digits";

/** Rows per page a list offers; the first is the default. */
export const PAGE_SIZES = [25, 50, 100];

/** The page asked for in `?page=` (Persian or ASCII digits); 1 when missing or unreadable. */
export function pageOf(params: URLSearchParams): number {
  const n = Number(toAsciiDigits(params.get("page") ?? ""));
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** Rows per page from `?size=`: one of PAGE_SIZES, else the first. */
export function pageSizeOf(params: URLSearchParams): number {
  const n = Number(toAsciiDigits(params.get("size") ?? ""));
  return PAGE_SIZES.includes(n) ? n : PAGE_SIZES[0];
}

/** One page of a list already in memory (in its order): a page past the end gives the last; with the count of all. */
export function slicePage<T>(all: T[], page: number, size: number) {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const shown = Math.min(Math.max(1, page), pages);
  return { rows: all.slice((shown - 1) * size, shown * size), total: all.length, page: shown, pages };
}
