"use client";
// New-tip alerts: a chime and a "(3) Queue" tab-title badge counting tips not yet seen. Each can be
// switched off; the choice is remembered in localStorage. Seen ids are kept in a bounded set (a tip
// is announced once even if its event arrives twice); the badge clears when the officer comes back
// to the tab or touches the page.
import { useCallback, useEffect, useRef, useState } from "react";

const KEYS = { sound: "mukhbir.queue.sound", badge: "mukhbir.queue.badge" } as const;
const MAX_SEEN = 500;
const PREFIX = /^\(\d+\)\s/;

function stored(key: string) {
  try {
    return localStorage.getItem(key) !== "off";
  } catch {
    return true;
  }
}

export function useAlerts() {
  const [sound, setSound] = useState(true);
  const [badge, setBadge] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const seen = useRef(new Set<string>());
  const audio = useRef<HTMLAudioElement | null>(null);
  const prefs = useRef({ sound: true, badge: true });

  useEffect(() => {
    const s = stored(KEYS.sound);
    const b = stored(KEYS.badge);
    prefs.current = { sound: s, badge: b };
    setSound(s);
    setBadge(b);
  }, []);

  const toggle = useCallback((which: "sound" | "badge", on: boolean) => {
    prefs.current = { ...prefs.current, [which]: on };
    (which === "sound" ? setSound : setBadge)(on);
    try {
      localStorage.setItem(KEYS[which], on ? "on" : "off");
    } catch {}
  }, []);

  /** A new tip arrived (flagged ones never alert). */
  const announce = useCallback((tipId: string, flagged?: boolean) => {
    if (flagged || seen.current.has(tipId)) return;
    seen.current.add(tipId);
    if (seen.current.size > MAX_SEEN) seen.current.delete(seen.current.values().next().value as string);
    setUnseen((n) => n + 1);
    if (prefs.current.sound) {
      audio.current ??= new Audio("/sounds/new-tip.wav");
      audio.current.currentTime = 0;
      void audio.current.play().catch(() => undefined); // autoplay may be blocked until a click
    }
  }, []);

  // The badge lives in the title; Next may rewrite the title on navigation, so re-apply each time.
  useEffect(() => {
    const base = document.title.replace(PREFIX, "");
    document.title = badge && unseen > 0 ? `(${unseen}) ${base}` : base;
  });

  useEffect(() => {
    const clear = () => document.visibilityState === "visible" && setUnseen(0);
    const events = ["focus", "pointerdown", "keydown"] as const;
    for (const e of events) window.addEventListener(e, clear);
    document.addEventListener("visibilitychange", clear);
    return () => {
      for (const e of events) window.removeEventListener(e, clear);
      document.removeEventListener("visibilitychange", clear);
    };
  }, []);

  /** A new message hit a watch item (ADR 0702): its own sound and a line that stays until dismissed. */
  const [watchHits, setWatchHits] = useState<{ ref: string; tipId: string }[]>([]);
  const watched = useRef<HTMLAudioElement | null>(null);
  const watchHit = useCallback((tipId: string, ref: string) => {
    const key = `watch:${tipId}`;
    if (seen.current.has(key)) return;
    seen.current.add(key);
    setWatchHits((list) => [{ ref, tipId }, ...list.filter((h) => h.tipId !== tipId)].slice(0, 5));
    if (prefs.current.sound) {
      watched.current ??= new Audio("/sounds/watch-hit.wav");
      watched.current.currentTime = 0;
      void watched.current.play().catch(() => undefined);
    }
  }, []);
  const dismissWatch = useCallback(() => setWatchHits([]), []);

  return { sound, badge, unseen, toggle, announce, watchHits, watchHit, dismissWatch };
}
