// Signs in through next-auth's credentials endpoint (no form clicking; one spec clicks the form).
// Each call uses its own client address so sign-in throttling in one test never locks out another.
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { E2E } from "./env";

export const DEMO = {
  officer: { username: "officer", password: "mukhbir-officer" },
  officer2: { username: "officer2", password: "mukhbir-officer2" },
  supervisor: { username: "supervisor", password: "mukhbir-supervisor" },
  admin: { username: "admin", password: "mukhbir-admin" },
} as const;
export type DemoUser = keyof typeof DEMO;

let addr = 0;
export function freshIp() {
  addr += 1;
  return `10.${(process.pid >> 8) & 255}.${process.pid & 255}.${addr & 255}`;
}

export async function signInRequest(request: APIRequestContext, username: string, password: string, ip = freshIp()) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true", callbackUrl: E2E.baseUrl },
    headers: { "x-forwarded-for": ip },
    maxRedirects: 0,
  });
}

export async function signIn(context: BrowserContext, who: DemoUser) {
  const res = await signInRequest(context.request, DEMO[who].username, DEMO[who].password);
  expect(res.status(), "sign-in").toBeLessThan(400);
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.includes("session-token")), "session cookie").toBe(true);
}

export const test = base.extend<{ as: (who: DemoUser) => Promise<Page> }>({
  as: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (who) => {
      const context = await browser.newContext({ baseURL: E2E.baseUrl });
      contexts.push(context);
      await signIn(context, who);
      return context.newPage();
    });
    for (const c of contexts) await c.close();
  },
});
export { expect };
