import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { Pagination } from "../components/ui/pagination";
import { requireScope } from "../models/access.server";
import { search } from "../models/search.server";
import { pageOf } from "../schemas/paging";
import { formatPlain, localDigits } from "../utils/digits";
import { MAX_QUERY_LENGTH, MAX_SEARCH_PAGE, SEARCH_KINDS, type SearchKind } from "../utils/limits";
import type { MarkedText } from "../utils/normalize";
import { titled } from "../utils/page-title";
import { route } from "../utils/route.server";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export const handle = titled("titles.search");

export async function loader(args: LoaderFunctionArgs) {
  return route(args, async ({ request }: LoaderFunctionArgs) => {
    const { scope } = await requireScope(request);
    // A longer query is refused by the model with a message; it is cut only so the page can show it back.
    const params = new URL(request.url).searchParams;
    const q = (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH * 2);
    // `kind` (one kind's pages, from the overview's «all results» links or the form's «in»); anything else is the overview.
    const kind = SEARCH_KINDS.find((k) => k === params.get("kind")) ?? null;
    return json({ q, kind, result: search(scope, q, { kind, page: pageOf(params) }) });
  });
}

function Marked({ parts }: { parts: MarkedText }) {
  const lang = useLang();
  return (
    <>
      {parts.map((text, i) =>
        i % 2 === 1 ? (
          <mark key={i}>{localDigits(text, lang)}</mark>
        ) : (
          <Fragment key={i}>{localDigits(text, lang)}</Fragment>
        ),
      )}
    </>
  );
}

export default function Search() {
  const { q, kind, result } = useLoaderData<typeof loader>();
  const { t } = useT();
  const lang = useLang();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("search.title")}</h1>
      </header>
      <Form method="get" role="search" className="search-form">
        <label htmlFor="search-q" className="visually-hidden">
          {t("search.label")}
        </label>
        {/* Keyed on what was asked, so a search from the header or the back button shows it here too. */}
        <input key={q} id="search-q" name="q" type="search" defaultValue={q} maxLength={MAX_QUERY_LENGTH} />
        <label htmlFor="search-kind" className="visually-hidden">
          {t("search.in")}
        </label>
        {/* A new search stays in the kind one is reading, until one asks for everywhere. */}
        <select key={kind ?? ""} id="search-kind" name="kind" defaultValue={kind ?? ""}>
          <option value="">{t("search.everywhere")}</option>
          {SEARCH_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`search.kinds.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </Form>
      {result.status !== "ok" ? (
        <p className="muted" role="status">
          {t(`search.${result.status}`, { max: formatPlain(MAX_QUERY_LENGTH, lang) })}
        </p>
      ) : result.groups.every((g) => g.hits.length === 0) ? (
        <p className="muted" role="status">
          {t("search.none", { q })}
        </p>
      ) : (
        result.groups.map((group) => (
          <section key={group.kind} aria-labelledby={`search-${group.kind}`} className="card stack">
            <h2 id={`search-${group.kind}`}>
              {result.kind
                ? t("search.kindTitle", { kind: t(`search.kinds.${group.kind}`), q })
                : t(`search.kinds.${group.kind}`)}
            </h2>
            <ul className="search-results">
              {group.hits.map((hit) => (
                <li key={hit.id}>
                  <Link to={hit.href} dir="auto" reloadDocument={hit.kind === "document"}>
                    <Marked parts={hit.title} />
                  </Link>
                  {hit.snippet.length > 0 ? (
                    <p className="search-results__snippet" dir="auto">
                      <Marked parts={hit.snippet} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
            {result.kind ? (
              <KindPages q={q} kind={group.kind} page={result.page} more={group.more} />
            ) : group.more ? (
              <p>
                <Link to={searchHref(q, group.kind)}>{t("search.all", { kind: t(`search.kinds.${group.kind}`) })}</Link>
              </p>
            ) : null}
          </section>
        ))
      )}
      {result.status === "ok" && result.kind ? (
        <p>
          <Link to={searchHref(q)}>{t("search.allResults", { q })}</Link>
        </p>
      ) : null}
    </div>
  );
}

const searchHref = (q: string, kind?: SearchKind, page = 1) =>
  `/search?${new URLSearchParams([["q", q], ...(kind ? [["kind", kind]] : []), ...(page > 1 ? [["page", String(page)]] : [])])}`;

/** One kind's pages: previous and next (the hits are not counted), and a word on the last page one may ask for. */
function KindPages({ q, kind, page, more }: { q: string; kind: SearchKind; page: number; more: boolean }) {
  const { t } = useT();
  const last = page >= MAX_SEARCH_PAGE;
  return (
    <>
      <Pagination page={page} hasNext={more && !last} hrefFor={(p) => searchHref(q, kind, p)} />
      {more && last ? <p className="muted">{t("search.last")}</p> : null}
    </>
  );
}
