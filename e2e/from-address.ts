// Requests from another address of this machine (127.0.0.2 …): the whole 127/8 is loopback, and the
// server sees the socket's source address, which the client cannot forge the way it can forge
// X-Forwarded-For. Chromium always connects from 127.0.0.1; these requests stand for a second place.
import http from "node:http";
import { E2E } from "./env";

type Answer = { status: number; body: string; cookies: string[] };

function send(
  localAddress: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  const url = new URL(path, E2E.baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, localAddress },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (data += c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: data,
            cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A sign-in attempt from `localAddress`; returns next-auth's error code (null on success) and the cookies. */
export async function signInFrom(
  localAddress: string,
  username: string,
  password: string,
  code?: string,
  forwardedFor?: string,
) {
  const csrf = await send(localAddress, "GET", "/api/auth/csrf", {});
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({
    csrfToken,
    username,
    password,
    json: "true",
    callbackUrl: E2E.baseUrl,
    ...(code ? { code } : {}),
  }).toString();
  const res = await send(
    localAddress,
    "POST",
    "/api/auth/callback/credentials",
    {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(form)),
      cookie: csrf.cookies.join("; "),
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
    },
    form,
  );
  const url = new URL((JSON.parse(res.body) as { url: string }).url, E2E.baseUrl);
  return { error: url.searchParams.get("error"), cookies: res.cookies };
}
