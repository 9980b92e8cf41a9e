// Re-issues the current session cookie with a new session version, for the one device that just
// proved itself (it confirmed a new second factor) while the bump ends every other session (ADR 0011).
import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "../env";
import { authOptions } from "./options";

function cookieName() {
  return `${env().PUBLIC_BASE_URL.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
}

export async function reissueSession(sessionVersion: number) {
  const store = await cookies();
  const name = cookieName();
  const token = await decode({ token: store.get(name)?.value, secret: env().AUTH_SECRET });
  if (!token) return;
  const options = authOptions();
  const maxAge = options.session!.maxAge!;
  const value = await options.jwt!.encode!({
    token: { ...token, sv: sessionVersion },
    secret: env().AUTH_SECRET,
    maxAge,
  });
  store.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge });
}

/** Drops the cookie of a session that was just ended on the server. */
export async function dropSessionCookie() {
  (await cookies()).delete(cookieName());
}
