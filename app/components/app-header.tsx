import { Form, NavLink, useLocation } from "@remix-run/react";
import type { Role } from "../../db/enums";
import { formatCount } from "../utils/digits";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

type NavItem = {
  to: string;
  label: string;
  roles?: readonly Role[];
  /** Shown too to the HQ's leadership (a seat in the headquarters body), whatever their account's role. */
  leaders?: boolean;
  /** Shown only to those who read the data-supply tracker. */
  supply?: boolean;
};
export type NavFlags = { leader?: boolean; supply?: boolean };

/** Navigation entries; an entry without `roles` is for everyone signed in. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "nav.home" },
  { to: "/my-actions", label: "nav.myActions" },
  { to: "/meetings", label: "nav.meetings" },
  { to: "/overdue", label: "nav.overdue", roles: ["chair", "secretariat", "admin"], leaders: true },
  { to: "/reports", label: "nav.reports", roles: ["secretariat", "admin"], leaders: true },
  { to: "/supply", label: "nav.supply", supply: true },
  { to: "/dashboard", label: "nav.dashboard", roles: ["secretariat", "admin"], leaders: true },
  { to: "/organisation", label: "nav.organisation" },
  { to: "/bodies", label: "nav.bodies" },
  { to: "/people", label: "nav.people" },
  { to: "/organisations", label: "nav.organisations" },
  { to: "/notifications", label: "nav.notifications" },
  { to: "/admin/calendar", label: "nav.calendar", roles: ["admin"] },
  { to: "/admin/letterhead", label: "nav.letterhead", roles: ["admin"] },
  { to: "/admin/users", label: "nav.users", roles: ["admin"] },
  { to: "/admin/audit", label: "nav.audit", roles: ["admin"] },
  { to: "/account/sessions", label: "nav.sessions" },
];

export function navItemsFor(role: Role, flags: NavFlags = {}) {
  return NAV_ITEMS.filter(
    (item) =>
      (!item.supply || flags.supply) && (!item.roles || item.roles.includes(role) || (item.leaders && flags.leader)),
  );
}

export function AppHeader({ user }: { user: ({ displayName: string; role: Role; unread: number } & NavFlags) | null }) {
  const { t } = useT();
  const lang = useLang();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <a className="app-header__brand" href="/">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t("app.shortName")}</span>
        </a>
        <div className="app-header__tools">
          {user ? (
            <Form method="get" action="/search" role="search" className="app-header__search">
              <label htmlFor="header-search" className="visually-hidden">
                {t("search.label")}
              </label>
              <input
                id="header-search"
                name="q"
                type="search"
                maxLength={100}
                placeholder={t("search.placeholder")}
                defaultValue={
                  location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : ""
                }
              />
              <button type="submit" className="button button--ghost">
                {t("search.submit")}
              </button>
            </Form>
          ) : null}
          {user ? (
            <span className="app-header__user">
              {t("nav.signedInAs", { name: user.displayName })} · {t(`roles.${user.role}`)}
            </span>
          ) : null}
          <Form method="post" action="/language" className="inline-form" reloadDocument>
            <input type="hidden" name="redirectTo" value={here} />
            <button
              type="submit"
              className="button button--ghost"
              aria-label={`${t("nav.language")} (${t("nav.languageLabel")})`}
            >
              <span lang={t("nav.language") === "English" ? "en" : "fa"}>{t("nav.language")}</span>
            </button>
          </Form>
          {user ? (
            <Form method="post" action="/logout" className="inline-form">
              <button type="submit" className="button button--ghost">
                {t("nav.signOut")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      {user ? (
        <nav className="app-nav" aria-label={t("nav.label")}>
          <ul>
            {navItemsFor(user.role, user).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
                  {t(item.label)}
                  {item.to === "/notifications" && user.unread > 0 ? (
                    <span className="nav-count">
                      {formatCount(user.unread, lang)}
                      <span className="visually-hidden"> {t("notifications.count", { count: user.unread })}</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
