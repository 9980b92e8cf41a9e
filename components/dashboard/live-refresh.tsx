"use client";
// Keeps the dashboard current: re-renders the server page when the live stream reports tip
// activity (at most once per 5 s, so a burst of webhooks costs one refresh), and every minute
// regardless — which is also the fallback when the live stream is unavailable.
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

const MIN_GAP_MS = 5_000;
const EVERY_MS = 60_000;
/** Named events of /api/live (the queue's stream): tip activity, and "catch up" after a reconnect. */
const LIVE_EVENTS = ["tip", "resync"];

export function LiveRefresh({ updatedAt }: { updatedAt: string }) {
  const t = useTranslations("dashboard");
  const router = useRouter();
  const [live, setLive] = useState(false);
  const last = useRef(Date.now());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const refresh = () => {
      timer.current = undefined;
      last.current = Date.now();
      router.refresh();
    };
    const schedule = () => {
      if (timer.current) return; // one refresh already pending covers this event too
      timer.current = setTimeout(refresh, Math.max(0, last.current + MIN_GAP_MS - Date.now()));
    };
    const every = setInterval(() => {
      if (Date.now() - last.current >= EVERY_MS - 1000) refresh();
    }, EVERY_MS);

    let source: EventSource | undefined;
    if (typeof EventSource !== "undefined") {
      source = new EventSource("/api/live");
      source.addEventListener("ready", () => setLive(true));
      source.onerror = () => setLive(source?.readyState === EventSource.OPEN);
      source.onmessage = schedule;
      for (const name of LIVE_EVENTS) source.addEventListener(name, schedule);
    }
    return () => {
      clearInterval(every);
      if (timer.current) clearTimeout(timer.current);
      source?.close();
    };
  }, [router]);

  return (
    <p className="flex items-center gap-2 text-xs text-slate-500" data-testid="live-status" data-live={live}>
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${live ? "bg-green-600" : "bg-slate-400"}`} />
      {live ? t("live.live") : t("live.polling")} · {t("live.updated", { time: updatedAt })}
    </p>
  );
}
