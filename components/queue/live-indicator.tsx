"use client";
import { useTranslations } from "next-intl";
import type { LiveStatus } from "./use-live";

const DOT = {
  live: "bg-green-500",
  connecting: "bg-amber-400 animate-pulse",
  disconnected: "bg-red-500 animate-pulse",
} as const;

export function LiveIndicator({ status }: { status: LiveStatus }) {
  const t = useTranslations("queue");
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="live-status"
      data-state={status}
      className="flex items-center gap-1.5 text-sm"
    >
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${DOT[status]}`} />
      <span className={status === "disconnected" ? "font-semibold text-red-700" : "text-slate-700"}>
        {t(`live.${status}`)}
      </span>
    </p>
  );
}
