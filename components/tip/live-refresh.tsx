"use client";
// Keeps the open tip current: the tip's SSE stream says "something changed" (ids only), and the
// page re-renders on the server — through the same scoped read as the first paint. EventSource
// reconnects by itself after a network drop or a server restart; a reconnect also refreshes.
// One stream per open tip, kept across the page's own refreshes: re-opening it after each render
// left a gap in which an event (a status callback, the next message) was lost.
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";

export function LiveRefresh({ tipRef, since }: { tipRef: string; since: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Only the first render's time matters: it is what the stream catches up from when it first connects.
  const firstSince = useRef(since);
  useEffect(() => {
    const es = new EventSource(`/api/tips/${encodeURIComponent(tipRef)}/live?since=${encodeURIComponent(firstSince.current)}`);
    let opened = false;
    // Bursts (a batch of status callbacks) collapse into one refresh.
    const refresh = () => {
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        router.refresh();
      }, 150);
    };
    es.addEventListener("changed", refresh);
    es.addEventListener("ready", () => {
      if (opened) refresh();
      opened = true;
    });
    document.documentElement.dataset.tipLive = "connecting";
    es.onopen = () => (document.documentElement.dataset.tipLive = "open");
    es.onerror = () => (document.documentElement.dataset.tipLive = "reconnecting");
    return () => {
      es.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [tipRef, router]);
  return null;
}
