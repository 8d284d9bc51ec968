import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { requireScope } from "../models/access.server";
import { search } from "../models/search.server";
import { formatPlain, localDigits } from "../utils/digits";
import { MAX_QUERY_LENGTH, RESULTS_PER_KIND } from "../utils/limits";
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
    const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH * 2);
    return json({ q, result: search(scope, q) });
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
  const { q, result } = useLoaderData<typeof loader>();
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
        <input id="search-q" name="q" type="search" defaultValue={q} maxLength={MAX_QUERY_LENGTH} />
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </Form>
      {result.status !== "ok" ? (
        <p className="muted" role="status">
          {t(`search.${result.status}`, { max: formatPlain(MAX_QUERY_LENGTH, lang) })}
        </p>
      ) : result.groups.length === 0 ? (
        <p className="muted" role="status">
          {t("search.none", { q })}
        </p>
      ) : (
        result.groups.map((group) => (
          <section key={group.kind} aria-labelledby={`search-${group.kind}`} className="card stack">
            <h2 id={`search-${group.kind}`}>{t(`search.kinds.${group.kind}`)}</h2>
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
            {group.more ? (
              <p className="muted">{t("search.more", { count: formatPlain(RESULTS_PER_KIND, lang) })}</p>
            ) : null}
          </section>
        ))
      )}
    </div>
  );
}
