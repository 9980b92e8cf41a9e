"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const active = usePathname().startsWith(href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded px-3 py-1 text-sm ${active ? "bg-white text-brand-900" : "hover:bg-brand-700"}`}
    >
      {children}
    </Link>
  );
}
