// Two-factor sign-in as a supervisor meets it (ADR 0010): enrolment with the QR code's secret, the
// code step after the password, a wrong code refused, a recovery code good once, an admin's reset
// forcing a new enrolment, and the lockout that cannot keep the right person out.
import type { Browser, Page } from "@playwright/test";
import { test, expect, signInRequest, signInError, enrolThroughPage } from "./fixtures";
import { adminCreates, createUser, uniqueName } from "./users";
import { freshCode, totpCode } from "./totp";
import { signInFrom } from "./from-address";

async function passwordStep(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function codeStep(page: Page, code: string) {
  await page.getByLabel("Code from your authenticator app").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

/** A new user's first sign-in and enrolment in a browser of their own, signed out again after it. */
async function enrolledUser(browser: Browser, username: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await passwordStep(page, username, password);
  await expect(page).toHaveURL(/\/account$/);
  let step = 0;
  const { secret } = await enrolThroughPage(page, (_, s) => (step = s));
  await context.clearCookies();
  return { context, page, secret, step };
}

async function signOut(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test("enrol, sign in with a code, refuse a wrong one, spend a recovery code once; an admin's reset forces re-enrolment", async ({
  as,
  browser,
}) => {
  const admin = await as("admin");
  const username = uniqueName("sp");
  const password = "supervisor-pass-9";
  const row = await createUser(admin, { username, password, role: "SUPERVISOR" });
  await expect(row.getByTestId("two-factor")).toHaveAttribute("data-state", "off");

  const context = await browser.newContext();
  const page = await context.newPage();
  // The first sign-in of a supervisor leads to the enrolment, and nowhere else.
  await passwordStep(page, username, password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("must-enrol")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).not.toContainText("Queue");
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/account$/);

  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByTestId("totp-qr")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  let last: number | undefined;
  await page.getByLabel("Code").fill(totpCode(secret) === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("enrol-error")).toBeVisible();
  const enrol = await freshCode(secret, last);
  last = enrol.step;
  await page.getByLabel("Code").fill(enrol.code);
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  const recovery = await page.getByTestId("recovery-code").allTextContents();
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page).toHaveURL(/\/queue/);
  await signOut(page);

  // Password, then the code: a wrong code is refused, the right one lets them in.
  await passwordStep(page, username, password);
  await expect(page.getByText("Open your authenticator app")).toBeVisible();
  await expect(page.getByLabel("Code from your authenticator app")).toHaveValue("");
  await codeStep(page, "123456" === totpCode(secret) ? "654321" : "123456");
  await expect(page.getByTestId("login-error")).toContainText("That code is not right");
  const next = await freshCode(secret, last);
  last = next.step;
  await codeStep(page, next.code);
  await expect(page).toHaveURL(/\/dashboard/);
  await signOut(page);

  // A recovery code works once.
  await passwordStep(page, username, password);
  await codeStep(page, recovery[0]);
  await expect(page).toHaveURL(/\/dashboard/);
  await signOut(page);
  await passwordStep(page, username, password);
  await codeStep(page, recovery[0]);
  await expect(page.getByTestId("login-error")).toContainText("That code is not right");

  // Signed in again; then the admin resets the second factor: this session ends, and the next
  // sign-in must enrol afresh.
  const again = await freshCode(secret, last);
  await codeStep(page, again.code);
  await expect(page).toHaveURL(/\/dashboard/);
  await admin.reload();
  await expect(row.getByTestId("two-factor")).toHaveAttribute("data-state", "on");
  await row.getByRole("button", { name: "Reset second factor" }).click();
  await expect(row.getByText("Saved.")).toBeVisible();
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/login/);
  await passwordStep(page, username, password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("must-enrol")).toBeVisible();
  await context.close();
});

test("after 5 wrong passwords from one address, the right password and code from another still sign in", async ({
  as,
  browser,
}) => {
  const password = "lockout-pass-77";
  const { username } = await adminCreates(as, "sl", password, { role: "SUPERVISOR" });
  const { context, page, secret, step: enrolled } = await enrolledUser(browser, username, password);

  // An attacker at 127.0.0.2 guesses five times: that username is now locked there …
  const errors = [];
  for (let i = 0; i < 5; i++) errors.push((await signInFrom("127.0.0.2", username, `guess-${i}`)).error);
  expect(errors).toEqual(["wrong", "wrong", "wrong", "wrong", "locked:15"]);
  const step = await freshCode(secret, enrolled);
  expect((await signInFrom("127.0.0.2", username, password, step.code)).error).toBe("locked:15");
  // … but the supervisor at their own desk (127.0.0.1) signs in with the password and a code.
  await passwordStep(page, username, password);
  await codeStep(page, (await freshCode(secret, step.step)).code);
  await expect(page).toHaveURL(/\/dashboard/);
  await context.close();
});

test("the code step reads well in Hindi", async ({ as, browser }) => {
  const password = "hindi-pass-4321";
  const { admin, username } = await adminCreates(as, "hi", password, { role: "ADMIN" });
  const { context, page, secret, step: enrolled } = await enrolledUser(browser, username, password);

  await page.goto("/login");
  await page.getByRole("button", { name: "हिन्दी" }).click();
  await expect(page.getByRole("button", { name: "साइन इन करें" })).toBeVisible();
  await page.getByLabel("उपयोगकर्ता नाम").fill(username);
  await page.getByLabel("पासवर्ड").fill(password);
  await page.getByRole("button", { name: "साइन इन करें" }).click();
  await expect(page.getByLabel("ऑथेंटिकेटर ऐप का कोड")).toBeFocused();
  // A new, empty field: nothing of the password carries over into the visible code box.
  await expect(page.getByLabel("ऑथेंटिकेटर ऐप का कोड")).toHaveValue("");
  await page.screenshot({ path: test.info().outputPath("code-step-hi.png") });
  await page.getByLabel("ऑथेंटिकेटर ऐप का कोड").fill("000000" === totpCode(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "सत्यापित करें" }).click();
  await expect(page.getByTestId("login-error")).toContainText("यह कोड सही नहीं है");
  await page.getByLabel("ऑथेंटिकेटर ऐप का कोड").fill((await freshCode(secret, enrolled)).code);
  await page.getByRole("button", { name: "सत्यापित करें" }).click();
  await expect(page).toHaveURL(/\/queue/);
  await context.close();
  // The API answers the same codes to a script as to the form.
  expect(await signInError(await signInRequest(admin.request, username, password))).toBe("codeRequired");
});
