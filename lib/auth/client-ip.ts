// The caller's address for throttling and audit. Behind a reverse proxy the left-most
// X-Forwarded-For entry is the client (the proxy must overwrite, not append, untrusted values).
export function clientIp(header: (name: string) => string | null | undefined): string {
  const forwarded = header("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || header("x-real-ip")?.trim() || "unknown";
}
