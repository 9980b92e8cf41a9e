"use client";
// New-tip alerts: a chime and a "(3) Queue" tab-title badge counting tips not yet seen. Each can be
// switched off; the choice is remembered in localStorage. Seen ids are kept in a bounded set (a tip
// is announced once even if its event arrives twice); the badge clears when the officer comes back
// to the tab or touches the page.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

const KEYS = { sound: "mukhbir.queue.sound", badge: "mukhbir.queue.badge" } as const;
const MAX_SEEN = 500;
const PREFIX = /^\(\d+\)\s/;

// The choices live in localStorage (shared by the officer's tabs); where it is unavailable, a choice
// lasts as long as the page. Read through useSyncExternalStore: the server (and hydration) render
// "on", the browser then shows what is stored, and another tab's change shows here too.
const fallback = new Map<string, boolean>();
const listeners = new Set<() => void>();

function stored(key: string): boolean {
  try {
    const v = localStorage.getItem(key);
    if (v !== null) return v !== "off";
  } catch {}
  return fallback.get(key) ?? true;
}

function store(key: string, on: boolean) {
  fallback.set(key, on);
  try {
    localStorage.setItem(key, on ? "on" : "off");
  } catch {}
  for (const l of listeners) l();
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

const on = () => true;

/** Whether the officer left the queue's sound on (for the escalation alerts, which share the switch). */
export const soundOn = () => stored(KEYS.sound);

export function useAlerts() {
  const sound = useSyncExternalStore(subscribe, () => stored(KEYS.sound), on);
  const badge = useSyncExternalStore(subscribe, () => stored(KEYS.badge), on);
  const [unseen, setUnseen] = useState(0);
  const seen = useRef(new Set<string>());
  const audio = useRef<HTMLAudioElement | null>(null);

  const toggle = useCallback((which: "sound" | "badge", value: boolean) => store(KEYS[which], value), []);

  /** A new tip arrived (flagged ones never alert). */
  const announce = useCallback((tipId: string, flagged?: boolean) => {
    if (flagged || seen.current.has(tipId)) return;
    seen.current.add(tipId);
    if (seen.current.size > MAX_SEEN) seen.current.delete(seen.current.values().next().value as string);
    setUnseen((n) => n + 1);
    if (stored(KEYS.sound)) {
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
    if (stored(KEYS.sound)) {
      watched.current ??= new Audio("/sounds/watch-hit.wav");
      watched.current.currentTime = 0;
      void watched.current.play().catch(() => undefined);
    }
  }, []);
  const dismissWatch = useCallback(() => setWatchHits([]), []);

  return { sound, badge, unseen, toggle, announce, watchHits, watchHit, dismissWatch };
}
