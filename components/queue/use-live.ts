"use client";
// The browser side of /api/live for a 12-hour shift: EventSource's own reconnect plus ours with
// exponential backoff (it gives up for good on an HTTP error, e.g. while the server restarts), a
// watchdog for half-open connections (no ping for 45 s → reconnect), and a reconnect as soon as the
// network comes back. State is a few scalars and one bounded set: memory does not grow with events.
import { useEffect, useRef, useState } from "react";

export type LiveStatus = "connecting" | "live" | "disconnected";
export type LiveTipEvent = { type: string; tipId: string; ref: string; flagged?: boolean; direction?: string };

const WATCHDOG_MS = 45_000;
const MAX_BACKOFF_MS = 30_000;
const MAX_PENDING = 200;
const FLUSH_MS = 150;

type Handlers = {
  /** Ids of tips that changed (batched); `overflow` means too many to list — refetch the view. */
  onChanged: (ids: string[]) => void;
  onCreated: (e: LiveTipEvent) => void;
  /** Reconnected, or the server's bus reconnected: anything may have been missed. */
  onResync: () => void;
};

export function useLive(handlers: Handlers, url = "/api/live"): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    let es: EventSource | null = null;
    let attempt = 0;
    let everLive = false;
    let lastSeen = Date.now();
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const pending = new Set<string>();
    let overflow = false;

    const flush = () => {
      flushTimer = undefined;
      if (overflow) {
        overflow = false;
        pending.clear();
        ref.current.onResync();
        return;
      }
      const ids = [...pending];
      pending.clear();
      if (ids.length) ref.current.onChanged(ids);
    };

    const connect = () => {
      if (stopped) return;
      es?.close();
      setStatus((s) => (s === "live" ? "disconnected" : s));
      const source = new EventSource(url);
      es = source;
      source.addEventListener("ready", () => {
        lastSeen = Date.now();
        attempt = 0;
        setStatus("live");
        if (everLive) ref.current.onResync();
        everLive = true;
      });
      source.addEventListener("ping", () => void (lastSeen = Date.now()));
      source.addEventListener("resync", () => ref.current.onResync());
      source.addEventListener("tip", (m) => {
        lastSeen = Date.now();
        let e: LiveTipEvent;
        try {
          e = JSON.parse((m as MessageEvent<string>).data);
        } catch {
          return;
        }
        if (e.type === "tip.created") ref.current.onCreated(e);
        if (pending.size >= MAX_PENDING) overflow = true;
        else pending.add(e.tipId);
        flushTimer ??= setTimeout(flush, FLUSH_MS);
      });
      source.onerror = () => {
        setStatus("disconnected");
        // CONNECTING: the browser retries by itself. CLOSED: it gave up (HTTP error) — our turn.
        if (source.readyState === EventSource.CLOSED) schedule();
      };
    };

    const schedule = () => {
      if (stopped || retryTimer) return;
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      attempt = Math.min(attempt + 1, 10);
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        connect();
      }, delay);
    };

    const watchdog = setInterval(() => {
      if (es && es.readyState === EventSource.OPEN && Date.now() - lastSeen > WATCHDOG_MS) {
        setStatus("disconnected");
        es.close();
        schedule();
      }
    }, 10_000);
    const online = () => {
      if (es?.readyState !== EventSource.OPEN) {
        clearTimeout(retryTimer);
        retryTimer = undefined;
        attempt = 0;
        connect();
      }
    };
    window.addEventListener("online", online);
    connect();
    return () => {
      stopped = true;
      clearInterval(watchdog);
      clearTimeout(retryTimer);
      clearTimeout(flushTimer);
      window.removeEventListener("online", online);
      es?.close();
    };
  }, [url]);

  return status;
}
