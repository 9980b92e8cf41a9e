// next-auth v4: username + password (+ second factor), JWT session with id, role, station, the
// user's session version and the sign-in time. A session ends at the first of: the idle window
// (SESSION_IDLE_MINUTES, the cookie's lifetime, renewed on real activity by
// components/auth/idle-guard.tsx), the absolute lifetime from sign-in (SESSION_MAX_HOURS), or a
// bump of the user's session version (sign-out, sign out everywhere, an admin's change): ADR 0011.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { encode } from "next-auth/jwt";
import { db } from "../db";
import { env } from "../env";
import { auditNow } from "../audit";
import { log } from "../log";
import { authenticate, SignInError } from "./sign-in";
import { clientIp } from "./client-ip";
import { safeRedirect } from "./safe-redirect";
import { cappedMaxAge, sessionExpired } from "./session-lifetime";

/** Thrown by the jwt callback: next-auth then clears the cookie and answers with no session. */
class SessionEnded extends Error {
  override name = "SessionEnded";
}

export function authOptions(): NextAuthOptions {
  const { AUTH_SECRET, SESSION_IDLE_MINUTES } = env();
  const maxAge = Math.round(SESSION_IDLE_MINUTES * 60);
  return {
    secret: AUTH_SECRET,
    session: { strategy: "jwt", maxAge },
    jwt: {
      maxAge,
      // Every re-issue (sign-in, /api/auth/session renewal) expires by the absolute end at the latest.
      encode: (params) =>
        encode({
          ...params,
          maxAge: cappedMaxAge(params.maxAge ?? maxAge, params.token?.authAt as number | undefined),
        }),
    },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { username: { type: "text" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(input, req) {
          try {
            return await authenticate(
              input,
              clientIp((name) => headerOf(req?.headers, name)),
            );
          } catch (e) {
            // The message becomes `?error=<code>` for the sign-in page to translate.
            if (e instanceof SignInError) throw new Error(e.code);
            throw e;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.stationId = user.stationId ?? null;
          token.username = user.username;
          token.sv = user.sessionVersion;
          token.authAt = Math.floor(Date.now() / 1000);
          return token;
        }
        if (sessionExpired(token.authAt)) throw new SessionEnded("absolute lifetime reached");
        const current = await db.user.findUnique({
          where: { id: token.uid },
          select: { sessionVersion: true, active: true },
        });
        if (!current?.active || current.sessionVersion !== token.sv) throw new SessionEnded("session revoked");
        return token;
      },
      async session({ session, token }) {
        session.user = {
          id: token.uid,
          name: token.name ?? "",
          role: token.role,
          stationId: token.stationId,
          username: token.username,
          sv: token.sv,
          authAt: token.authAt,
        };
        return session;
      },
      async redirect({ url, baseUrl }) {
        return new URL(safeRedirect(url, baseUrl), baseUrl).toString();
      },
    },
    events: {
      // Sign-out ends the session on the server too: a copied cookie dies with it (on every device).
      async signOut({ token }) {
        if (!token?.uid) return;
        const n = await db.user.updateMany({
          where: { id: token.uid, sessionVersion: token.sv },
          data: { sessionVersion: { increment: 1 } },
        });
        if (n.count)
          await auditNow({
            actorId: token.uid,
            actorRole: token.role,
            action: "auth.signout",
            targetType: "user",
            targetId: token.uid,
          });
      },
    },
    logger: {
      error(code, meta) {
        const err = (meta as { error?: unknown })?.error ?? meta;
        if ((err as Error)?.name === "SessionEnded")
          return log.info("session ended", { reason: (err as Error).message });
        log.error(`next-auth ${code}`, { error: err instanceof Error ? err.message : String(code) });
      },
      warn(code) {
        log.warn(`next-auth ${code}`);
      },
      debug() {},
    },
  };
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}
