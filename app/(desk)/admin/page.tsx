import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/guard";
import { pageTitle } from "@/lib/i18n/page-title";

const SECTIONS = [
  { href: "/admin/users", key: "users" },
  { href: "/admin/stations", key: "stations" },
  { href: "/admin/contacts", key: "contacts" },
  { href: "/admin/webhooks", key: "webhooks" },
  { href: "/admin/canned-replies", key: "canned" },
  { href: "/admin/requests", key: "requests" },
  { href: "/admin/gazetteer", key: "gazetteer" },
] as const;

export const generateMetadata = pageTitle("admin", "title");

export default async function AdminPage() {
  await requirePage("admin:users");
  const t = await getTranslations("admin");
  return (
    <main className="mx-auto max-w-screen-lg p-4">
      <h1 className="mb-4 text-xl font-semibold">{t("title")}</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600"
            >
              <span className="font-semibold">{t(`sections.${s.key}.title`)}</span>
              <span className="block text-sm text-slate-600">{t(`sections.${s.key}.body`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
