"use client";
// The queue's use of the live stream (components/live/use-live-stream.ts): tip events are batched
// (150 ms) into one refetch of the rows they name; too many at once, or a `resync` from the server
// (the cursor could not be served), refetches the whole view. State is a few scalars and one
// bounded set: memory does not grow with events.
import { useEffect, useRef } from "react";
import { useLiveStream, type LiveStatus } from "../live/use-live-stream";

export type { LiveStatus };
export type LiveTipEvent = { type: string; tipId: string; ref: string; flagged?: boolean; direction?: string };

const MAX_PENDING = 200;
const FLUSH_MS = 150;

type Handlers = {
  /** Ids of tips that changed (batched). */
  onChanged: (ids: string[]) => void;
  onCreated: (e: LiveTipEvent) => void;
  /** A message hit a watch item of this user (or a shared one). */
  onWatch?: (e: LiveTipEvent) => void;
  /** The server could not list what was missed: refetch the view. */
  onResync: () => void;
};

export function useLive(handlers: Handlers, cursor: string): LiveStatus {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  const batch = useRef({
    pending: new Set<string>(),
    overflow: false,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
  });
  useEffect(() => () => clearTimeout(batch.current.timer), []);

  const flush = () => {
    const b = batch.current;
    b.timer = undefined;
    const ids = [...b.pending];
    b.pending.clear();
    if (b.overflow) {
      b.overflow = false;
      return ref.current.onResync();
    }
    if (ids.length) ref.current.onChanged(ids);
  };

  return useLiveStream({
    url: "/api/live",
    cursor,
    on: {
      tip: (data) => {
        const e = data as LiveTipEvent | null;
        if (!e?.tipId) return;
        if (e.type === "tip.created") ref.current.onCreated(e);
        if (e.type === "watch.hit") ref.current.onWatch?.(e);
        const b = batch.current;
        if (b.pending.size >= MAX_PENDING) b.overflow = true;
        else b.pending.add(e.tipId);
        b.timer ??= setTimeout(flush, FLUSH_MS);
      },
      resync: () => ref.current.onResync(),
    },
  });
}
