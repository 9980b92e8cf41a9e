"use client";
// Leaving after the session changed (signed out, second factor just enrolled) is a full page load,
// not a client navigation: it drops the router's cache of signed-in pages, and `replace` keeps the
// back button from returning to them (or to recovery codes shown once).
export function leaveFor(path: string): void {
  window.location.replace(path);
}
