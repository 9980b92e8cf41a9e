// Small HTTP helpers for the queue benches: sign in (the shared helper) and time to first byte.
import http from "node:http";

export { signInCookie } from "../../lib/testing/system/sign-in";

/** Milliseconds until the response's first byte (headers), then drains the body. */
export function ttfb(url: string, cookie: string): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(url, { headers: { cookie } }, (res) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      res.resume();
      res.on("end", () => resolve({ ms, status: res.statusCode ?? 0 }));
    });
    req.on("error", reject);
  });
}

export function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
