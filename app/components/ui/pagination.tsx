import { Link } from "@remix-run/react";
import { useT } from "../../utils/use-t";

/** "Page x of y" with previous/next links; `hrefFor` builds the URL of a page (keeping the page's other params). */
export function Pagination({
  page,
  pages,
  hrefFor,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useT();
  if (pages <= 1) return null;
  return (
    <nav className="row pagination" aria-label={t("overdue.page", { page, pages })}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className="button button--small">
          {t("overdue.previous")}
        </Link>
      ) : null}
      <span>{t("overdue.page", { page, pages })}</span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} className="button button--small">
          {t("overdue.next")}
        </Link>
      ) : null}
    </nav>
  );
}
