import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import { AppHeader } from "./components/app-header";
import { canReadSupply, getAccess, isLeader } from "./models/access.server";
import { unreadCount } from "./models/notifications.server";
import styles from "./styles/app.css";
import minutesStyles from "./styles/minutes.css";
import reportStyles from "./styles/report.css";
import * as clock from "./utils/clock.server";
import { dirOf } from "./utils/i18n";
import { getLang } from "./utils/locale.server";
import { useNonce } from "./utils/nonce";
import { documentTitle } from "./utils/page-title";
import { useLang } from "./utils/use-lang";
import { useT } from "./utils/use-t";

export const links: LinksFunction = () => [
  { rel: "preload", href: "/fonts/vazirmatn.woff2", as: "font", type: "font/woff2", crossOrigin: "anonymous" },
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: minutesStyles },
  { rel: "stylesheet", href: reportStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ name: "viewport", content: "width=device-width, initial-scale=1" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [lang, access] = await Promise.all([getLang(request), getAccess(request)]);
  return json({
    lang,
    today: clock.today(),
    user: access
      ? {
          displayName: access.user.displayName,
          role: access.user.role,
          unread: unreadCount(access.scope),
          // The HQ's leadership (a seat in the headquarters body) sees reports, the overdue review and the dashboard.
          leader: isLeader(access.scope),
          supply: canReadSupply(access.scope),
        }
      : null,
  });
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = useLang();
  const { t } = useT();
  const nonce = useNonce();
  const matches = useMatches();
  const error = useRouteError();
  const title = error
    ? t("titles.page", { page: t(`errors.${errorKind(error)}Title`), site: t("titles.site") })
    : documentTitle(t, matches);
  useFocusOnNavigation();
  // Marks the page as interactive (tests wait for it before using in-place controls).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <AppHeader user={data?.user ?? null} />
        <main id="main" className="page">
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * After a client-side move to another page, focus goes to the new page's main heading (or <main>), as a full load
 * would put a screen reader at the top of the new content; a field the page focused itself keeps it. Only a new path
 * counts: filters and paging (the query) leave focus where it is.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById("main");
    if (!main) return;
    const active = document.activeElement;
    if (active && main.contains(active) && active.matches("input, textarea, select, [contenteditable]")) return;
    const target = main.querySelector<HTMLElement>("h1") ?? main;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }, [pathname]);
}

export default function App() {
  return <Outlet />;
}

function errorKind(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return ({ 400: "invalid", 403: "forbidden", 404: "notFound", 409: "conflict" } as const)[status] ?? "server";
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useT();
  const kind = errorKind(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{t("errors.title")}</p>
      <h1 id="error-title">{t(`errors.${kind}Title`)}</h1>
      <p>{t(`errors.${kind}`)}</p>
      <a className="button" href="/">
        {t("errors.backHome")}
      </a>
    </section>
  );
}
