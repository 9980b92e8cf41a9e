// Where to go after sign-in: only a path on our own origin, decided by parsing the value as a URL
// against that origin (as the browser will), never by looking at its first characters. `/\evil.com`,
// `/%09/evil.com`, `//evil.com`, `https://evil.com` and `javascript:` all resolve elsewhere or to
// another scheme and become "/". No `server-only`: the sign-in form uses it too.
export function safeRedirect(target: string | null | undefined, origin: string): string {
  if (!target) return "/";
  let decoded = target;
  try {
    // A path that arrived percent-encoded (`/%5Cevil.com`) may be decoded once more on its way to the
    // browser: judge the decoded form too, and take the stricter answer.
    decoded = decodeURIComponent(target);
  } catch {
    return "/";
  }
  const a = samePath(target, origin);
  const b = samePath(decoded, origin);
  return a !== null && b !== null ? a : "/";
}

function samePath(value: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  const path = url.pathname + url.search + url.hash;
  // `http://us//evil.com` has the path `//evil.com`, which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}
