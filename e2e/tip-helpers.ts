// Helpers for the tip workspace specs: tips made through the real WhatsApp webhook, found through
// the queue's JSON route; signed delivery statuses; server actions called directly over HTTP (as
// an attacker would, bypassing the UI) using the build's action manifest.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect } from "./fixtures";
import { E2E } from "./env";
import { metaEnvelope, postWhatsApp, whatsappMessage, whatsappText } from "./webhooks";

export const token = () => crypto.randomBytes(4).toString("hex");
export const phone = () => `9197${String(crypto.randomInt(0, 1e8)).padStart(8, "0")}`;

/** Finds a tip by a unique word in its text, through the queue's own JSON route. */
export async function findRef(request: APIRequestContext, word: string): Promise<string> {
  let ref = "";
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/queue/rows?view=all&q=${encodeURIComponent(word)}`);
        const body = (await res.json()) as { rows?: { ref: string }[] };
        ref = body.rows?.[0]?.ref ?? "";
        return ref;
      },
      { timeout: 15_000 },
    )
    .toMatch(/^EM-\d{4}-\d{6}$/);
  return ref;
}

/** A new tip from a new informant, through the signed webhook. */
export async function newTip(request: APIRequestContext, officer: Page, text: string, from = phone()) {
  expect((await postWhatsApp(request, whatsappText(from, text))).status()).toBe(200);
  return { from, ref: await findRef(officer.request, text.split(" ").find((w) => /^[0-9a-f]{8}$/.test(w)) ?? text) };
}

export async function postMedia(request: APIRequestContext, from: string, message: Record<string, unknown>) {
  expect((await postWhatsApp(request, whatsappMessage({ from, message }))).status()).toBe(200);
}

/** A WhatsApp `statuses` webhook for one of our outbound messages (Meta's documented shape). */
export function whatsappStatus(wamid: string, status: "sent" | "delivered" | "read" | "failed", recipient: string) {
  return metaEnvelope({
    statuses: [
      {
        id: wamid,
        status,
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_id: recipient,
        conversation: { id: crypto.randomBytes(8).toString("hex"), origin: { type: "service" } },
        pricing: { billable: true, pricing_model: "CBP", category: "service" },
      },
    ],
  });
}

export type FakeCall = {
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status?: number;
  response?: unknown;
};
export async function fakeCalls(request: APIRequestContext): Promise<FakeCall[]> {
  return (await (await request.get(`${E2E.fakeUrl}/_calls`)).json()) as FakeCall[];
}

/** The id Next gave a server action in this build (what a browser sends in `Next-Action`). */
export function actionId(name: string, file = "lib/tips/actions.ts"): string {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!hit) throw new Error(`server action ${name} not in the build manifest`);
  return hit[0];
}

/** Calls a tip server action directly over HTTP and returns its ActionResult. */
export async function callAction(request: APIRequestContext, ref: string, name: string, args: unknown[]) {
  const res = await request.post(`/tips/${ref}`, {
    headers: {
      "next-action": actionId(name),
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: E2E.baseUrl,
    },
    data: JSON.stringify(args),
  });
  const text = await res.text();
  // The RSC payload carries the action's return value as one JSON row: `1:{"ok":…}`.
  const row = text.split("\n").find((l) => /^\d+:\{"ok":/.test(l));
  return {
    status: res.status(),
    result: row ? JSON.parse(row.slice(row.indexOf(":") + 1)) : null,
    raw: text.slice(0, 300),
  };
}
