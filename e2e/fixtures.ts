// Signs in through next-auth's credentials endpoint (no form clicking; auth.spec and two-factor.spec
// click the form). The supervisor and admin need a second factor (REQUIRE_2FA=privileged): the first
// sign-in enrols through the account page like a person would, keeping the shown secret to compute
// later codes. A signed-in session is reused across specs (checked with /api/auth/session first), so a
// user does not need a fresh TOTP step for every spec; sign-out or a revocation makes the next use sign in again.
import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { E2E } from "./env";
import { freshCode } from "./totp";

export const DEMO = {
  officer: { username: "officer", password: "mukhbir-officer" },
  officer2: { username: "officer2", password: "mukhbir-officer2" },
  supervisor: { username: "supervisor", password: "mukhbir-supervisor" },
  admin: { username: "admin", password: "mukhbir-admin" },
} as const;
export type DemoUser = keyof typeof DEMO;
const PRIVILEGED: DemoUser[] = ["supervisor", "admin"];

let addr = 0;
/** A made-up X-Forwarded-For value: the server (TRUSTED_PROXY_HOPS=0) ignores it, as it must. */
export function freshIp() {
  addr += 1;
  return `10.${(process.pid >> 8) & 255}.${process.pid & 255}.${addr & 255}`;
}

export async function signInRequest(
  request: APIRequestContext,
  username: string,
  password: string,
  ip = freshIp(),
  code?: string,
) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true", callbackUrl: E2E.baseUrl, ...(code ? { code } : {}) },
    headers: { "x-forwarded-for": ip },
    maxRedirects: 0,
  });
}

/** The error code next-auth put in the answer's URL (`wrong`, `codeRequired`, `locked:15` …), or null. */
export async function signInError(res: Awaited<ReturnType<typeof signInRequest>>): Promise<string | null> {
  const url = new URL((await res.json()).url, E2E.baseUrl);
  return url.searchParams.get("error");
}

// Per server run (the data folder is new for each): secrets, last TOTP step and session cookies.
type Saved = { secret?: string; lastStep?: number; cookies?: Parameters<BrowserContext["addCookies"]>[0] };
const stateFile = path.join(E2E.dataDir, "e2e-users.json");
const load = (): Record<string, Saved> =>
  fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, "utf8")) : {};
function save(who: string, patch: Saved) {
  fs.writeFileSync(stateFile, JSON.stringify({ ...load(), [who]: { ...load()[who], ...patch } }, null, 2));
}

/** Enrols the signed-in user's second factor through the account page; returns the secret. */
export async function enrolThroughPage(
  page: Page,
  onCode?: (secret: string, step: number) => void,
): Promise<{ secret: string; codes: string[] }> {
  await page.goto("/account");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const { code, step } = await freshCode(secret, undefined);
  onCode?.(secret, step);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  return { secret, codes: await page.getByTestId("recovery-code").allTextContents() };
}

async function sessionUser(context: BrowserContext): Promise<string | null> {
  const res = await context.request.get("/api/auth/session");
  return ((await res.json()) as { user?: { username?: string } }).user?.username ?? null;
}

export async function signIn(context: BrowserContext, who: DemoUser) {
  const saved = load()[who] ?? {};
  if (saved.cookies) {
    await context.addCookies(saved.cookies);
    if ((await sessionUser(context)) === DEMO[who].username) return save(who, { cookies: await context.cookies() });
    await context.clearCookies();
  }
  let res = await signInRequest(context.request, DEMO[who].username, DEMO[who].password);
  let error = await signInError(res);
  if (error === "codeRequired" && saved.secret) {
    const { code, step } = await freshCode(saved.secret, saved.lastStep);
    save(who, { lastStep: step });
    res = await signInRequest(context.request, DEMO[who].username, DEMO[who].password, freshIp(), code);
    error = await signInError(res);
  }
  expect(error, `sign-in of ${who}`).toBeNull();
  if (PRIVILEGED.includes(who) && !saved.secret) {
    const page = await context.newPage();
    // Kept before the code is sent: should anything fail after, the next sign-in still has the secret.
    await enrolThroughPage(page, (secret, step) => save(who, { secret, lastStep: step }));
    await page.close();
  }
  expect(await sessionUser(context), "session").toBe(DEMO[who].username);
  save(who, { cookies: await context.cookies() });
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
