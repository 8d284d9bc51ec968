import { Link } from "@remix-run/react";
import { useT } from "../../utils/use-t";

/**
 * "Page x of y" with previous/next links; `hrefFor` builds the URL of a page (keeping the page's other params).
 * A list that does not count its rows (the search) gives `hasNext` instead of `pages`: "Page x".
 */
export function Pagination({
  page,
  hrefFor,
  ...count
}: {
  page: number;
  hrefFor: (page: number) => string;
} & ({ pages: number } | { hasNext: boolean })) {
  const { t } = useT();
  const next = "pages" in count ? page < count.pages : count.hasNext;
  if (page <= 1 && !next) return null;
  const label = "pages" in count ? t("overdue.page", { page, pages: count.pages }) : t("common.page", { page });
  return (
    <nav className="row pagination" aria-label={label}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className="button button--small">
          {t("overdue.previous")}
        </Link>
      ) : null}
      <span>{label}</span>
      {next ? (
        <Link to={hrefFor(page + 1)} className="button button--small">
          {t("overdue.next")}
        </Link>
      ) : null}
    </nav>
  );
}
