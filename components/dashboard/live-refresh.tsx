"use client";
// Keeps the dashboard current: re-renders the server page when the live stream reports tip
// activity (at most once per 5 s, so a burst of webhooks costs one refresh), and every minute
// regardless — which is also the fallback when the live stream is unavailable. The stream is the
// queue's (/api/live), from the cursor the page rendered from.
import { useCallback, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useLiveStream } from "../live/use-live-stream";

const MIN_GAP_MS = 5_000;
const EVERY_MS = 60_000;

export function LiveRefresh({ updatedAt, cursor }: { updatedAt: string; cursor: string }) {
  const t = useTranslations("dashboard");
  const router = useRouter();
  // When the page last refreshed (set at mount: a render must not read the clock).
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = useCallback(() => {
    timer.current = undefined;
    last.current = Date.now();
    router.refresh();
  }, [router]);
  const schedule = () => {
    if (timer.current) return; // one refresh already pending covers this event too
    timer.current = setTimeout(refresh, Math.max(0, last.current + MIN_GAP_MS - Date.now()));
  };
  useEffect(() => {
    last.current = Date.now();
    const every = setInterval(() => {
      if (Date.now() - last.current >= EVERY_MS - 1000) refresh();
    }, EVERY_MS);
    return () => {
      clearInterval(every);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [refresh]);
  const live = useLiveStream({ url: "/api/live", cursor, on: { tip: schedule, resync: schedule } }) === "live";

  return (
    <p className="flex items-center gap-2 text-xs text-slate-500" data-testid="live-status" data-live={live}>
      <span
        aria-hidden="true"
        className={`inline-block h-2 w-2 rounded-full ${live ? "bg-green-600" : "bg-slate-400"}`}
      />
      {live ? t("live.live") : t("live.polling")} · {t("live.updated", { time: updatedAt })}
    </p>
  );
}
