"use client";
// Keeps the open tip current: the tip's live stream says "something changed" (ids only), and the
// page re-renders on the server — through the same scoped read as the first paint. The stream
// starts from the cursor the page rendered from (components/live/use-live-stream.ts), so a change
// committed while the page loaded is not missed; one stream per open tip, kept across the page's
// own refreshes.
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useLiveStream } from "../live/use-live-stream";

export function LiveRefresh({ tipRef, cursor }: { tipRef: string; cursor: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  // Bursts (a batch of status callbacks) collapse into one refresh.
  const refresh = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      router.refresh();
    }, 150);
  };
  const status = useLiveStream({
    url: `/api/tips/${encodeURIComponent(tipRef)}/live`,
    cursor,
    on: { changed: refresh, resync: refresh },
  });
  useEffect(() => {
    document.documentElement.dataset.tipLive =
      status === "live" ? "open" : status === "connecting" ? "connecting" : "reconnecting";
  }, [status]);
  return null;
}
