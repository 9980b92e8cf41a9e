// next-auth v4: username + password (Argon2id), JWT session with id, role, station and locale.
// Sessions expire after SESSION_IDLE_MINUTES without activity: the cookie's lifetime is the idle
// window, and the client re-issues it only on real user activity (components/auth/idle-guard.tsx).
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { auditNow } from "../audit";
import { dummyHash, verifyPassword } from "./password";
import { clearFailures, isLocked, recordFailure } from "./throttle";
import { clientIp } from "./client-ip";

const credentials = z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(256) });

export function authOptions(): NextAuthOptions {
  const { AUTH_SECRET, SESSION_IDLE_MINUTES } = env();
  const maxAge = Math.round(SESSION_IDLE_MINUTES * 60);
  return {
    secret: AUTH_SECRET,
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { username: { type: "text" }, password: { type: "password" } },
        async authorize(input, req) {
          const parsed = credentials.safeParse(input);
          if (!parsed.success) return null;
          const { username, password } = parsed.data;
          const ip = clientIp((name) => headerOf(req?.headers, name));
          // Error messages are codes the sign-in page translates.
          if (await isLocked(username, ip)) throw new Error("locked");
          const user = await db.user.findUnique({
            where: { username },
            omit: { passwordHash: false },
          });
          const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
          if (!user || !ok || !user.active) {
            await recordFailure(username, ip);
            await auditNow({ action: "auth.signin.failed", targetType: "user", targetId: user?.id ?? null, detail: { username }, ip });
            if (await isLocked(username, ip)) throw new Error("locked");
            return null;
          }
          await clearFailures(username);
          await auditNow({ actorId: user.id, actorRole: user.role, action: "auth.signin", targetType: "user", targetId: user.id, ip });
          return { id: user.id, name: user.name, role: user.role, stationId: user.stationId, locale: user.locale, username: user.username };
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
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { id: token.uid, name: token.name ?? "", role: token.role, stationId: token.stationId, username: token.username };
        return session;
      },
    },
  };
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}
