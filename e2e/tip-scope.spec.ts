// Station scoping checked at the server, and the audit chain on the e2e server's own data:
// `npm run audit:verify` passes on a copy of the database, then names the row a test tampers with.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { test, expect, signInRequest } from "./fixtures";
import { E2E } from "./env";
import { callAction, newTip, phone, postMedia, token } from "./tip-helpers";
import { restoredCopy } from "./webhooks";
import { createUser } from "./users";

test("a station-scoped officer gets 'not found' for another station's tip, its media and its actions", async ({
  as,
  request,
  browser,
}) => {
  // The admin creates an officer limited to Kotwali, through Admin → Users.
  const admin = await as("admin");
  const username = `kotwali${Date.now().toString(36)}`;
  await createUser(admin, { username, name: "SI Kotwali Only", password: "kotwali-password-1", station: "Kotwali" });

  // Two tips: one sent to Naini (with a photo), one to Kotwali.
  const officer = await as("officer");
  const from = phone();
  const theirs = await newTip(request, officer, `naini wala ${token()} maamla`, from);
  await postMedia(request, from, {
    type: "image",
    image: { id: `photo-${crypto.randomInt(1e9, 9e9)}`, mime_type: "image/jpeg" },
  });
  const ours = await newTip(request, officer, `kotwali wala ${token()} maamla`);
  for (const [ref, station] of [
    [theirs.ref, "Naini"],
    [ours.ref, "Kotwali"],
  ]) {
    await officer.goto(`/tips/${ref}`);
    await officer.getByTestId("station-select").selectOption({ label: station });
    await expect(officer.getByTestId("tip-station")).toHaveText(station);
  }
  await officer.goto(`/tips/${theirs.ref}`);
  const attachment = officer.getByTestId("attachment");
  await expect(attachment).toBeVisible({ timeout: 20_000 });
  const attachmentId = (await attachment.getAttribute("data-id"))!;
  expect((await officer.request.get(`/api/tips/${theirs.ref}/media/${attachmentId}`)).status()).toBe(200);

  const context = await browser.newContext({ baseURL: E2E.baseUrl });
  expect((await signInRequest(context.request, username, "kotwali-password-1")).status()).toBeLessThan(400);
  const scoped = context.request;
  // Their own station's tip opens …
  expect((await scoped.get(`/tips/${ours.ref}`)).status()).toBe(200);
  // … the other station's does not, nor its media, nor any action on it.
  expect((await scoped.get(`/tips/${theirs.ref}`)).status()).toBe(404);
  expect((await scoped.get(`/api/tips/${theirs.ref}/media/${attachmentId}`)).status()).toBe(404);
  expect(
    (await scoped.post(`/api/media/${attachmentId}/original`, { form: { reason: "just looking around" } })).status(),
  ).toBe(404);
  expect((await scoped.get(`/api/tips/${theirs.ref}/live`)).status()).toBe(404);
  // The same direct call works on their own station's tip, so the refusals below are the scope, not the plumbing.
  expect((await callAction(scoped, ours.ref, "addNoteAction", [ours.ref, "seen at Kotwali"])).result).toMatchObject({
    ok: true,
  });
  const attempts: [string, unknown[]][] = [
    ["addNoteAction", [theirs.ref, "should not land"]],
    ["replyAction", [theirs.ref, { text: "should not be sent" }]],
    ["closeAction", [theirs.ref, { outcome: "ACTIONED", summary: "closing someone else's tip" }]],
    ["updateFieldAction", [theirs.ref, { field: "station", value: null }]],
    ["claimAction", [theirs.ref]],
    ["linkAction", [ours.ref, { other: theirs.ref }]],
    ["mergeAction", [ours.ref, { into: theirs.ref }]],
  ];
  for (const [name, args] of attempts) {
    const { result, raw } = await callAction(scoped, String(args[0]), name, args);
    expect(result, `${name}: ${raw}`).toMatchObject({ ok: false, code: "notFound" });
  }
  // The real officer still sees the tip untouched: no note, no reply, still open at Naini.
  await officer.reload();
  await expect(officer.getByTestId("note")).toHaveCount(0);
  await expect(officer.getByTestId("message").filter({ hasText: "should not be sent" })).toHaveCount(0);
  await expect(officer.getByTestId("tip-station")).toHaveText("Naini");
  await expect(officer.getByTestId("tip-status")).not.toHaveAttribute("data-status", "CLOSED");
  await context.close();
});

test("npm run audit:verify passes on the server's data, then names the row a tampering DBA edited", async ({
  as,
  request,
}) => {
  const officer = await as("officer");
  const { ref } = await newTip(request, officer, `audit ${token()} check`);
  await officer.goto(`/tips/${ref}`);
  await expect(officer.getByTestId("tip-ref")).toHaveText(ref);

  // The server holds its embedded database open: verify a backup of it, restored (as a backup would be verified).
  const dir = restoredCopy();
  const verify = () =>
    spawnSync("npm", ["run", "--silent", "audit:verify"], {
      env: { ...process.env, ...E2E.serverEnv, DEMO_MODE: "false", DATABASE_URL: "", DATA_DIR: dir },
      encoding: "utf8",
    });
  try {
    const ok = verify();
    expect(ok.stdout + ok.stderr).toMatch(/audit chain intact: \d+ rows/);
    expect(ok.status).toBe(0);

    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const db = await PGlite.create(path.join(dir, "pglite"), { extensions: { pg_trgm } });
    const [view] = (
      await db.query<{ id: string }>(
        `SELECT id::text FROM "AuditLog" WHERE action = 'tip.view' AND detail->>'ref' = $1 ORDER BY id LIMIT 1`,
        [ref],
      )
    ).rows;
    // With the trigger on, the row cannot be changed at all …
    await expect(
      db.query(`UPDATE "AuditLog" SET action = 'tip.nothing' WHERE id = ${Number(view.id)}`),
    ).rejects.toThrow(/append-only/);
    // … so a tampering DBA switches it off first.
    await db.exec(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only";
      UPDATE "AuditLog" SET "actorRole" = 'ADMIN' WHERE id = ${Number(view.id)};
      ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";`);
    await db.close();

    const bad = verify();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`audit chain BROKEN at row id ${view.id}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
