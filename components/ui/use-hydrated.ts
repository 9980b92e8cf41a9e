"use client";
// True once React has hydrated this component. Buttons whose work is a client handler stay disabled
// until then, so a click on a freshly loaded page is not silently lost (and waiting tools wait).
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
