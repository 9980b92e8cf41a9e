import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/guard";
import { can, type Permission } from "@/lib/auth/permissions";
import { SignOutButton } from "./sign-out-button";
import { LocaleSwitch } from "./locale-switch";
import { IdleGuard } from "../auth/idle-guard";
import { NavLink } from "./nav-link";

const NAV: { href: string; key: string; permission: Permission }[] = [
  { href: "/queue", key: "queue", permission: "queue:read" },
  { href: "/station", key: "station", permission: "station:read" },
  { href: "/watchlist", key: "watchlist", permission: "watch:own" },
  { href: "/dashboard", key: "dashboard", permission: "dashboard:read" },
  { href: "/admin", key: "admin", permission: "admin:users" },
];

export async function AppShell({
  actor,
  idleMinutes,
  children,
}: {
  actor: Actor;
  idleMinutes: number;
  children: React.ReactNode;
}) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  return (
    <div className="flex min-h-screen flex-col">
      <IdleGuard minutes={idleMinutes} />
      <header className="no-print border-b border-brand-900 bg-brand-900 text-white">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            {t("appName")}
          </Link>
          <nav aria-label={t("mainNav")} className="flex gap-1">
            {NAV.filter((n) => !actor.mustEnrol && can(actor.role, n.permission)).map((n) => (
              <NavLink key={n.href} href={n.href}>
                {t(`nav.${n.key}`)}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <LocaleSwitch current={locale} />
            <details className="relative">
              <summary
                className="cursor-pointer list-none rounded px-2 py-1 hover:bg-brand-700"
                data-testid="user-menu"
              >
                {actor.name} <span className="text-brand-100">· {t(`role.${actor.role}`)}</span>
              </summary>
              <div className="absolute right-0 z-20 mt-1 w-56 rounded border border-slate-200 bg-white p-2 text-slate-800 shadow-lg">
                <p className="px-2 py-1 text-xs text-slate-500">{actor.username}</p>
                <Link href="/account" className="block rounded px-2 py-1 hover:bg-slate-100">
                  {t("account")}
                </Link>
                <SignOutButton />
              </div>
            </details>
          </div>
        </div>
      </header>
      <div className="flex-1">{children}</div>
      <footer className="no-print border-t border-slate-200 px-4 py-2 text-xs text-slate-500">
        {t("appName")} · {t("version")} <span data-testid="app-version">{process.env.NEXT_PUBLIC_APP_VERSION}</span>
      </footer>
    </div>
  );
}
