"use client";
// The browser side of the app's live streams (lib/live/sse.ts), for a 12-hour shift. It connects
// from the cursor the page rendered from, then from the last event id it saw, so nothing committed
// after the render is missed — not while the page loads, not across a reconnect or a server
// restart. EventSource reconnects by itself (sending Last-Event-ID); when it gives up (an HTTP
// error, e.g. during a restart) we reconnect with exponential backoff, at once when the network
// comes back, and when no message arrived for 45 s (a half-open connection; the server sends a
// ping every 15 s).
import { useEffect, useRef, useState } from "react";

export type LiveStatus = "connecting" | "live" | "disconnected";

type Options = {
  url: string;
  /** The live cursor the page rendered from. */
  cursor: string;
  /** Named events → handlers. `ready` and `ping` are handled here. */
  on: Record<string, (data: unknown) => void>;
};

const WATCHDOG_MS = 45_000;
const MAX_BACKOFF_MS = 30_000;

export function useLiveStream({ url, cursor, on }: Options): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handlers = useRef(on);
  useEffect(() => {
    handlers.current = on;
  });
  // Only the first render's cursor matters; after that the stream's own ids are newer.
  const firstCursor = useRef(cursor);

  useEffect(() => {
    let es: EventSource | null = null;
    let position = firstCursor.current;
    let attempt = 0;
    let lastSeen = Date.now();
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const seen = (m: MessageEvent) => {
      lastSeen = Date.now();
      if (m.lastEventId) position = m.lastEventId;
    };

    const connect = () => {
      if (stopped) return;
      es?.close();
      setStatus((s) => (s === "live" ? "disconnected" : s));
      const sep = url.includes("?") ? "&" : "?";
      const source = new EventSource(`${url}${sep}cursor=${encodeURIComponent(position)}`);
      es = source;
      source.addEventListener("ready", (m) => {
        seen(m as MessageEvent);
        attempt = 0;
        setStatus("live");
      });
      source.addEventListener("ping", (m) => seen(m as MessageEvent));
      for (const name of Object.keys(handlers.current))
        source.addEventListener(name, (m) => {
          const msg = m as MessageEvent<string>;
          let data: unknown;
          try {
            data = JSON.parse(msg.data);
          } catch {
            data = null;
          }
          handlers.current[name]?.(data);
          seen(msg);
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
      window.removeEventListener("online", online);
      es?.close();
    };
  }, [url]);

  return status;
}
