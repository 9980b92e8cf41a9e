// Action requests for specs that need one without clicking through the editor: server actions
// called over HTTP as the browser would (the build's action ids), from the page that imports them.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect } from "./fixtures";
import { E2E } from "./env";

function actionIdOf(file: string, name: string): string {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!hit) throw new Error(`server action ${file}#${name} not in the build manifest`);
  return hit[0];
}

type Result = { ok: boolean; code?: string; data?: unknown };

/** Calls a server action; a `fields` object (with an optional photo) turns the call into a FormData one (React's encodeReply shape: the form's fields `_1_…`, then the root `0` = ["$K1"]). */
export async function serverAction(
  request: APIRequestContext,
  page: string,
  file: string,
  name: string,
  args: unknown[] | { fields: Record<string, string>; photo?: { name: string; mimeType: string; buffer: Buffer } },
): Promise<Result> {
  const headers = { "next-action": actionIdOf(file, name), accept: "text/x-component", origin: E2E.baseUrl };
  const res = Array.isArray(args)
    ? await request.post(page, {
        headers: { ...headers, "content-type": "text/plain;charset=UTF-8" },
        data: JSON.stringify(args),
      })
    : await request.post(page, {
        headers,
        multipart: replyForm(args.fields, args.photo),
      });
  const text = await res.text();
  const line = text.split("\n").find((l) => /^\d+:\{"ok":/.test(l));
  expect(line, `${name}: ${res.status()} ${text.slice(0, 200)}`).toBeTruthy();
  return JSON.parse(line!.slice(line!.indexOf(":") + 1)) as Result;
}

/**
 * A FormData argument as React's client sends it: the form's fields prefixed `_1_`, then the root
 * `0` = ["$K1"] LAST (the server decodes the root on arrival; a form sent after it would read empty).
 * A FormData keeps that order; an object would not (integer-like keys such as "0" always come first).
 */
function replyForm(
  fields: Record<string, string>,
  photo?: { name: string; mimeType: string; buffer: Buffer },
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
  if (photo) form.append("_1_photos", new File([new Uint8Array(photo.buffer)], photo.name, { type: photo.mimeType }));
  form.append("0", JSON.stringify(["$K1"]));
  return form;
}

/** A desk officer drafts a brief for `stationId`, a supervisor approves it; returns the request id. */
export async function releasedRequest(
  desk: APIRequestContext,
  supervisor: APIRequestContext,
  ref: string,
  stationId: string,
  media: string[] = [],
): Promise<string> {
  const drafted = await serverAction(
    desk,
    `/tips/${ref}/requests/new`,
    "lib/requests/actions.ts",
    "draftRequestAction",
    [
      ref,
      {
        stationId,
        what: "Illicit liquor sold after dark",
        where: "Opposite the canal bridge",
        instructions: "Verify and act",
        media,
      },
    ],
  );
  expect(drafted, "draft").toMatchObject({ ok: true });
  const id = (drafted.data as { id: string }).id;
  expect(
    await serverAction(supervisor, `/tips/${ref}`, "lib/requests/actions.ts", "approveRequestAction", [id]),
    "approve",
  ).toMatchObject({ ok: true });
  return id;
}

/** A station report with one field photo; returns the photo's id (read from the request page). */
export async function reportWithPhoto(officer: APIRequestContext, requestId: string, photo: Buffer): Promise<string> {
  const r = await serverAction(
    officer,
    `/station/requests/${requestId}`,
    "lib/requests/actions.ts",
    "reportRequestAction",
    {
      fields: { requestId, kind: "ACTION_TAKEN", details: "Checked the spot" },
      photo: { name: "field.jpg", mimeType: "image/jpeg", buffer: photo },
    },
  );
  expect(r, `report: ${JSON.stringify(r)}`).toMatchObject({ ok: true });
  const html = await (await officer.get(`/station/requests/${requestId}`)).text();
  const id = html.match(/\/photos\/([0-9a-f-]{36})/)?.[1];
  expect(id, "field photo on the request page").toBeTruthy();
  return id!;
}

/** The fake provider's sample photo (a JPEG with GPS and camera EXIF). */
export async function samplePhoto(request: APIRequestContext): Promise<Buffer> {
  const res = await request.get(`${E2E.fakeUrl}/meta/download/photo-sample`, {
    headers: { authorization: `Bearer ${E2E.serverEnv.WHATSAPP_ACCESS_TOKEN}` },
  });
  expect(res.status()).toBe(200);
  return res.body();
}
