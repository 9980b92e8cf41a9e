// Signs in through next-auth's credentials endpoint over plain HTTP (no browser) and returns the
// Cookie header of the session: the one place benches and the reliability suite sign in, so a change
// of the sign-in flow is made here once. Each call may pass its own client address, so sign-in
// throttling of one caller never locks out another; `code` is the second factor of a user who has one.
export async function signInCookie(
  base: string,
  username: string,
  password: string,
  ip = "10.9.9.9",
  code?: string,
): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), "x-forwarded-for": ip },
    body: new URLSearchParams({
      csrfToken,
      username,
      password,
      ...(code ? { code } : {}),
      json: "true",
      callbackUrl: base,
    }),
  });
  const cookies = [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!cookies.some((c) => c.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  return cookies.join("; ");
}
