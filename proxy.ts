// Runs before every page: a fresh CSP nonce per request, and a redirect to /login for anonymous
// users. It only redirects; every page, action and route checks the role itself (lib/auth/guard.ts).
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { env } from "./lib/env";
import { strictTransportSecurity } from "./lib/auth/hsts";
import { sessionExpired } from "./lib/auth/session-lifetime";

const PUBLIC = [/^\/login(\/|$)/];

function withSecurityHeaders(req: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts and Next's own style props set inline style attributes; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("Content-Security-Policy", csp);
  const hsts = strictTransportSecurity(env().PUBLIC_BASE_URL);
  if (hsts) res.headers.set("Strict-Transport-Security", hsts);
  return res;
}

let handler: ReturnType<typeof withAuth> | undefined;

export function proxy(req: NextRequestWithAuth, event: NextFetchEvent) {
  // withAuth passes its own sign-in page through without calling us: handle public pages here.
  if (PUBLIC.some((r) => r.test(req.nextUrl.pathname))) return withSecurityHeaders(req);
  // Built on first use: the secret comes from validated configuration, not at import (build) time.
  handler ??= withAuth((r: NextRequestWithAuth) => withSecurityHeaders(r), {
    secret: env().AUTH_SECRET,
    pages: { signIn: "/login" },
    // Past the absolute lifetime the token is dead even if its cookie is not (the pages re-check the rest).
    callbacks: { authorized: ({ token }) => !!token && !sessionExpired(token.authAt as number | undefined) },
  });
  return (handler as (r: NextRequestWithAuth, e: NextFetchEvent) => ReturnType<typeof withSecurityHeaders>)(req, event);
}

export const config = {
  // APIs answer 401 themselves; static files need neither a nonce nor a session.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|fonts/|sounds/).*)"],
};
