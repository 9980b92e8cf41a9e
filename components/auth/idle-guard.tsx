"use client";
// Idle timeout. The session cookie lives only `minutes` (server side); real activity (keys, pointer,
// scroll) renews it at most once a minute, and after `minutes` without activity this signs out.
// Background polling (live queue) does not count as activity. A renewal that finds the session
// ended on the server (ADR 0011) goes to the sign-in page at once.
import { useEffect } from "react";
import { signOut } from "next-auth/react";
import { leaveFor } from "@/components/ui/leave-for";

const EVENTS = ["keydown", "pointerdown", "wheel", "touchstart"] as const;

export function IdleGuard({ minutes }: { minutes: number }) {
  useEffect(() => {
    const idleMs = minutes * 60_000;
    let last = Date.now();
    let lastRenew = Date.now();
    const onActivity = () => {
      last = Date.now();
      if (last - lastRenew > 60_000) {
        lastRenew = last;
        // A session ended elsewhere (sign out everywhere, an admin's change) answers with no user.
        void fetch("/api/auth/session", { cache: "no-store" })
          .then((r) => r.json())
          .then((s: { user?: unknown }) => {
            if (!s?.user) leaveFor("/login?reason=signedOut");
          })
          .catch(() => undefined);
      }
    };
    for (const e of EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = setInterval(() => {
      if (Date.now() - last >= idleMs) {
        clearInterval(timer);
        void signOut({ callbackUrl: "/login?reason=idle" });
      }
    }, 5_000);
    return () => {
      clearInterval(timer);
      for (const e of EVENTS) window.removeEventListener(e, onActivity);
    };
  }, [minutes]);
  return null;
}
