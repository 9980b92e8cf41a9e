"use client";
// The queue's escalation alerts (ADR 0609), on the watch-hit sound and the same sound switch:
// while any urgent tip sits unclaimed past its first minutes the sound repeats every REPEAT_MS until
// the list is empty (someone claimed them); an overdue action request that was not in the list
// before sounds once. The lists come from the server with every live refresh of the queue.
// `plays` counts the sounds for the page (shown as a data attribute, which the e2e reads).
import { useEffect, useRef, useState } from "react";
import type { QueueEscalations } from "@/lib/queue/escalations";
import { soundOn } from "./use-alerts";

export const REPEAT_MS = 15_000;

export function useEscalationAlerts(escalations: QueueEscalations) {
  const [plays, setPlays] = useState(0);
  const audio = useRef<HTMLAudioElement | null>(null);
  const seenOverdue = useRef<Set<string> | null>(null);

  const play = () => {
    setPlays((n) => n + 1);
    if (!soundOn()) return;
    audio.current ??= new Audio("/sounds/watch-hit.wav");
    audio.current.currentTime = 0;
    void audio.current.play().catch(() => undefined); // autoplay may be blocked until a click
  };
  const playRef = useRef(play);
  useEffect(() => {
    playRef.current = play;
  });

  const unclaimed = escalations.unclaimed.length > 0;
  useEffect(() => {
    if (!unclaimed) return;
    playRef.current();
    const timer = setInterval(() => playRef.current(), REPEAT_MS);
    return () => clearInterval(timer);
  }, [unclaimed]);

  const overdueKey = escalations.overdue.map((r) => r.id).join(",");
  useEffect(() => {
    const ids = overdueKey ? overdueKey.split(",") : [];
    const before = seenOverdue.current;
    seenOverdue.current = new Set(ids);
    // The first list is what was already overdue when the page opened: no sound for it.
    if (before && ids.some((id) => !before.has(id))) playRef.current();
  }, [overdueKey]);

  return { plays };
}
