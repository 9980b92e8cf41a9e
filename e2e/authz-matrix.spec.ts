// The authorisation matrix: every page, route handler and server action (e2e/authz-table.ts) ×
// anonymous, a station-bound officer, a district-wide officer, a supervisor, an admin and a
// disabled user, each asked over plain HTTP as an attacker would (no UI), with the expected answer
// of every cell computed from the permission table (lib/auth/permissions.ts). A second test checks
// that the table covers every page, route and action in the build.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test, expect, signInRequest, enrolThroughPage } from "./fixtures";
import { E2E } from "./env";
import { createUser, uniqueName } from "./users";
import { newTip, phone, postMedia, token } from "./tip-helpers";
import { releasedRequest, reportWithPhoto, samplePhoto } from "./request-helpers";
import { can } from "../lib/auth/permissions";
import type { Role } from "../lib/generated/prisma/enums";
import { ROWS, type Fixture, type Row } from "./authz-table";

const PERSONAS = ["anonymous", "stationOfficer", "districtOfficer", "supervisor", "admin", "disabled"] as const;
type Persona = (typeof PERSONAS)[number];
/** The role a persona acts with; null: no session the server accepts (none, or a disabled user's). */
const ROLE: Record<Persona, Role | null> = {
  anonymous: null,
  stationOfficer: "OFFICER",
  districtOfficer: "OFFICER",
  supervisor: "SUPERVISOR",
  admin: "ADMIN",
  disabled: null,
};

type Verdict = "allowed" | "signIn" | "forbidden" | "outOfScope" | "same";

/** The answer the permission table promises for one cell. */
function expected(row: Row, persona: Persona): Verdict {
  if (row.access === "public" || row.access === "provider" || row.access === "closed") return "same";
  const role = ROLE[persona];
  if (!role) return "signIn";
  if (!can(role, row.access)) return "forbidden";
  return row.scoped && persona === "stationOfficer" ? "outOfScope" : "allowed";
}

/** What one request got back, reduced to what the verdicts speak of. */
type Answer = { status: number; location?: string; code?: string; ok?: boolean };

async function ask(row: Row, f: Fixture, cookie: string): Promise<Answer> {
  const headers: Record<string, string> = { cookie, origin: E2E.baseUrl };
  const url = (p: string) => new URL(p, E2E.baseUrl);
  const abort = new AbortController();
  try {
    if (row.kind === "page") {
      const res = await fetch(url(row.path(f)), { headers, redirect: "manual", signal: abort.signal });
      return { status: res.status, location: res.headers.get("location") ?? undefined };
    }
    if (row.kind === "route") {
      const b = row.body?.(f);
      const body = b?.form ? new URLSearchParams(b.form) : b?.json !== undefined ? JSON.stringify(b.json) : undefined;
      if (b?.json !== undefined) headers["content-type"] = "application/json";
      // Only the status and headers are read: the live streams never end on their own.
      const res = await fetch(url(row.path(f)), {
        method: row.method,
        headers,
        body,
        redirect: "manual",
        signal: abort.signal,
      });
      return { status: res.status, location: res.headers.get("location") ?? undefined };
    }
    const args = row.args(f);
    const body = args instanceof FormData ? formReply(args) : JSON.stringify(args);
    if (!(args instanceof FormData)) headers["content-type"] = "text/plain;charset=UTF-8";
    const res = await fetch(url(row.page(f)), {
      method: "POST",
      headers: { ...headers, accept: "text/x-component", "next-action": actionId(row.file, row.name) },
      body,
      redirect: "manual",
    });
    const text = await res.text();
    // The RSC payload carries the action's return value as one JSON row: `1:{"ok":…}`.
    const line = text.split("\n").find((l) => /^\d+:\{"ok":/.test(l));
    const result = line ? (JSON.parse(line.slice(line.indexOf(":") + 1)) as { ok: boolean; code?: string }) : undefined;
    return {
      status: res.status,
      location: res.headers.get("location") ?? undefined,
      ok: result?.ok,
      code: result?.code,
    };
  } finally {
    abort.abort();
  }
}

/** A FormData argument the way React's encodeReply sends it: the root refers to form 1, whose fields are prefixed `_1_` (react-server-dom's `"_" + id + "_"`), then the root. */
function formReply(form: FormData): FormData {
  const out = new FormData();
  for (const [k, v] of form.entries()) out.append(`_1_${k}`, v);
  // The root last, as React's client sends it: decoded on arrival, it would find a form sent after it empty.
  out.set("0", JSON.stringify(["$K1"]));
  return out;
}

const manifest = () =>
  JSON.parse(
    fs.readFileSync(
      path.join(process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json"),
      "utf8",
    ),
  ) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };

function actionId(file: string, name: string): string {
  const hit = Object.entries(manifest().node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!hit) throw new Error(`server action ${file}#${name} not in the build manifest`);
  return hit[0];
}

/** Does the answer match the verdict? Returns what was wrong, or null. */
function judge(row: Row, verdict: Verdict, a: Answer, sameAs: Answer | undefined): string | null {
  const got =
    row.kind === "action"
      ? `${a.status} ${a.ok === undefined ? "no result" : a.ok ? "ok" : a.code}`
      : `${a.status}${a.location ? ` → ${a.location}` : ""}`;
  const fail = (want: string) => `wanted ${want}, got ${got}`;
  if (row.kind === "page") {
    const ok = row.ok ?? [200];
    if (verdict === "allowed" || verdict === "same") return ok.includes(a.status) ? null : fail(ok.join("/"));
    if (verdict === "signIn")
      return a.status === 307 && new URL(a.location ?? "", E2E.baseUrl).pathname === "/login"
        ? null
        : fail("307 → /login");
    return a.status === 404 ? null : fail("404");
  }
  if (row.kind === "route") {
    if (verdict === "same")
      return row.ok.includes(a.status) && (!sameAs || sameAs.status === a.status)
        ? null
        : fail(`${row.ok.join("/")} for everyone`);
    if (verdict === "allowed") return row.ok.includes(a.status) ? null : fail(row.ok.join("/"));
    const want = { signIn: 401, forbidden: 403, outOfScope: 404 }[verdict];
    return a.status === want ? null : fail(String(want));
  }
  // Without a session the proxy turns the request away before the action runs: a redirect to sign-in.
  if (verdict === "signIn" && a.status === 307 && new URL(a.location ?? "", E2E.baseUrl).pathname === "/login")
    return null;
  if (a.status !== 200) return fail("200");
  const denied = ["unauthenticated", "forbidden", ...(row.scoped ? ["notFound"] : [])];
  if (verdict === "allowed" || verdict === "same")
    return a.ok !== false || !denied.includes(a.code!)
      ? null
      : fail(`past the permission check (not ${denied.join("/")})`);
  const want = { signIn: "unauthenticated", forbidden: "forbidden", outOfScope: "notFound" }[verdict];
  return a.ok === false && a.code === want ? null : fail(want);
}

const cookieHeader = async (c: BrowserContext) => (await c.cookies()).map((k) => `${k.name}=${k.value}`).join("; ");

/** A fresh user of this role, created by the demo admin and signed in (enrolling the second factor where the role needs one). */
async function persona(
  browser: Browser,
  admin: Page,
  role: Role,
  opts: { station?: string; districtWide?: boolean },
): Promise<{ context: BrowserContext; username: string }> {
  const username = uniqueName(`authz${role.toLowerCase()}`);
  const password = `authz-${crypto.randomBytes(6).toString("hex")}`;
  await createUser(admin, { username, password, role, ...opts });
  const context = await browser.newContext({ baseURL: E2E.baseUrl });
  expect((await signInRequest(context.request, username, password)).status()).toBeLessThan(400);
  if (role !== "OFFICER") await enrolThroughPage(await context.newPage());
  return { context, username };
}

async function routeTo(officer: Page, ref: string, station: string) {
  await officer.goto(`/tips/${ref}`);
  await officer.getByTestId("station-select").selectOption({ label: station });
  await expect(officer.getByTestId("tip-station")).toHaveText(station);
}

async function tipId(officer: Page, word: string) {
  const body = (await (await officer.request.get(`/api/queue/rows?view=all&q=${word}`)).json()) as {
    rows: { id: string }[];
  };
  return body.rows[0].id;
}

test("every page, route and server action answers each role as the permission table says", async ({
  as,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const admin = await as("admin");
  const sessions: Record<Persona, BrowserContext | null> = {
    anonymous: null,
    stationOfficer: (await persona(browser, admin, "OFFICER", { station: "Kotwali" })).context,
    districtOfficer: (await persona(browser, admin, "OFFICER", { districtWide: true })).context,
    supervisor: (await persona(browser, admin, "SUPERVISOR", {})).context,
    admin: (await persona(browser, admin, "ADMIN", {})).context,
    disabled: null,
  };
  // The disabled user signed in while active; the admin then disabled them: the same cookie must now open nothing.
  const gone = await persona(browser, admin, "OFFICER", { districtWide: true });
  sessions.disabled = gone.context;
  const row = admin.getByTestId(`user-${gone.username}`);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();

  // Each row gets its own pair of tips (one at the officer's station, one at another) so that what
  // one action changes (a claim, a note) cannot decide another row's answer.
  const officer = await as("officer");
  const supervisor = await as("supervisor");
  const photo = await samplePhoto(request);
  // `withRequest`: an action request released to the tip's station (with the tip's image, and a field photo, when `withMedia`).
  const fixture = async (withMedia: boolean, withRequest = withMedia): Promise<Fixture> => {
    const tip = async (station: string) => {
      const from = phone();
      const word = token();
      const { ref } = await newTip(request, officer, `authz ${word} ${station}`, from);
      if (withMedia)
        await postMedia(request, from, {
          type: "image",
          image: { id: `photo-${crypto.randomInt(1e9, 9e9)}`, mime_type: "image/jpeg" },
        });
      await routeTo(officer, ref, station);
      const attachment = officer.getByTestId("attachment");
      if (withMedia) await expect(attachment).toBeVisible({ timeout: 20_000 });
      const attachmentId = withMedia ? (await attachment.getAttribute("data-id"))! : "";
      const stationId = await officer.getByTestId("station-select").inputValue();
      const requestId = withRequest
        ? await releasedRequest(officer.request, supervisor.request, ref, stationId, withMedia ? [attachmentId] : [])
        : "";
      const photoId = withRequest && withMedia ? await reportWithPhoto(officer.request, requestId, photo) : "";
      return { ref, id: await tipId(officer, word), attachmentId, requestId, photoId };
    };
    return { own: await tip("Kotwali"), other: await tip("Naini") };
  };
  const cookies = Object.fromEntries(
    await Promise.all(PERSONAS.map(async (p) => [p, sessions[p] ? await cookieHeader(sessions[p]) : ""] as const)),
  ) as Record<Persona, string>;

  const shared = await fixture(true);
  const wrong: string[] = [];
  let cells = 0;
  const check = (row: Row, who: string, verdict: Verdict, answer: Answer, first?: Answer) => {
    cells++;
    const problem = judge(row, verdict, answer, first);
    const name =
      row.kind === "page"
        ? `page ${row.page}`
        : row.kind === "route"
          ? `${row.method} ${row.route}`
          : `action ${row.file}#${row.name}`;
    if (problem) wrong.push(`${name} as ${who} (${verdict}): ${problem}`);
  };
  const ordered = [
    ...ROWS.filter((r) => !(r.kind === "action" && r.revokes)),
    ...ROWS.filter((r) => r.kind === "action" && r.revokes),
  ];
  for (const row of ordered) {
    // Actions change tips: each gets fresh ones; pages and routes only read.
    const f = row.kind === "action" && row.scoped ? await fixture(false, !!row.request) : shared;
    let first: Answer | undefined;
    for (const p of PERSONAS) {
      const answer = await ask(row, f, cookies[p]);
      first ??= answer;
      check(row, p, expected(row, p), answer, first);
    }
    // The station-bound officer on their own station's tip: the same request, now let in.
    if (row.scoped)
      check(
        row,
        "stationOfficer (own station)",
        expected({ ...row, scoped: false }, "stationOfficer"),
        await ask(row, { ...f, other: f.own }, cookies.stationOfficer),
      );
  }
  console.log(
    `authorisation matrix: ${ROWS.length} entry points × ${PERSONAS.length} personas (+ own-station cells) = ${cells} cells, ${wrong.length} wrong`,
  );
  expect(wrong).toEqual([]);
});

/** `app/(desk)/tips/[ref]/page.tsx` → `/tips/[ref]`. */
function urlOf(file: string) {
  const parts = path
    .dirname(path.relative("app", file))
    .split(path.sep)
    .filter((s) => s !== "." && !/^\(.*\)$/.test(s));
  return `/${parts.join("/")}`;
}

function filesNamed(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesNamed(p, name) : e.name === name ? [p] : [];
  });
}

test("the matrix has a row for every page, route handler method and server action in the build", () => {
  const pages = filesNamed("app", "page.tsx").map(urlOf).sort();
  const routes = filesNamed("app", "route.ts")
    .flatMap((file) => {
      const src = fs.readFileSync(file, "utf8");
      const methods = [...src.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
      const reexported = [...src.matchAll(/export \{([^}]*)\}/g)].flatMap((m) =>
        [...m[1].matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)].map((x) => x[1]),
      );
      return [...methods, ...reexported].map((m) => `${m} ${urlOf(file)}`);
    })
    .sort();
  const actions = Object.values(manifest().node)
    .map((v) => `${v.filename}#${v.exportedName}`)
    .sort();
  expect(
    ROWS.filter((r) => r.kind === "page")
      .map((r) => r.page)
      .sort(),
  ).toEqual(pages);
  expect(
    ROWS.filter((r) => r.kind === "route")
      .map((r) => `${r.method} ${r.route}`)
      .sort(),
  ).toEqual(routes);
  expect(
    ROWS.filter((r) => r.kind === "action")
      .map((r) => `${r.file}#${r.name}`)
      .sort(),
  ).toEqual(actions);
});
