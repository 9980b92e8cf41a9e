// Builds provider webhooks in their documented shapes and posts them signed, as the provider would.
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import { E2E } from "./env";
import { providerIdHash } from "../lib/identity/keyed-hash";
import { realWaId } from "../lib/ingest/testing/meta-fixtures";

export const PHONE_NUMBER_ID = E2E.serverEnv.WHATSAPP_PHONE_NUMBER_IDS.split(",")[0];

/** A WhatsApp id as the server stores it: its keyed hash (a raw id holds the sender's number). */
export const storedId = (id: string) => providerIdHash(E2E.serverEnv.IDENTITY_PEPPER, id);

/** A WhatsApp message id in its real format: base64 of a record holding the sender's number. */
export function wamid(number = "919000000000") {
  return realWaId(number);
}

/** Meta's documented webhook envelope around one `messages` change value. */
export function metaEnvelope<V extends Record<string, unknown>>(value: V) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: PHONE_NUMBER_ID },
              ...value,
            } as {
              messaging_product: string;
              metadata: { display_phone_number: string; phone_number_id: string };
            } & V,
          },
        ],
      },
    ],
  };
}

/** A WhatsApp Cloud API `messages` webhook carrying one message. */
export function whatsappMessage(opts: { from: string; name?: string; message: Record<string, unknown> }) {
  return metaEnvelope({
    contacts: [{ profile: { name: opts.name ?? "Test Informant" }, wa_id: opts.from }],
    messages: [
      { from: opts.from, id: wamid(opts.from), timestamp: String(Math.floor(Date.now() / 1000)), ...opts.message },
    ],
  });
}

export function whatsappText(from: string, body: string, name?: string) {
  return whatsappMessage({ from, name, message: { type: "text", text: { body } } });
}

export function signMeta(raw: string) {
  return "sha256=" + crypto.createHmac("sha256", E2E.serverEnv.WHATSAPP_APP_SECRET).update(raw).digest("hex");
}

export async function postWhatsApp(request: APIRequestContext, payload: unknown) {
  const raw = JSON.stringify(payload);
  return request.post(`${E2E.baseUrl}/api/webhooks/whatsapp`, {
    data: raw,
    headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(raw) },
  });
}

// ---- More shapes: several messages per delivery, Twilio (form-encoded, X-Twilio-Signature) and
// Exotel (secret path token). Parameter names follow the providers' webhook docs.

/** A `messages` webhook with several messages from one sender (one change). */
export function whatsappBatch(opts: {
  from?: string;
  userId?: string;
  name?: string;
  messages: Record<string, unknown>[];
}) {
  const contact = {
    profile: { name: opts.name ?? "Test Informant" },
    ...(opts.from ? { wa_id: opts.from } : {}),
    ...(opts.userId ? { user_id: opts.userId } : {}),
  };
  const ts = String(Math.floor(Date.now() / 1000));
  return metaEnvelope({
    contacts: [contact],
    messages: opts.messages.map((m) => ({
      ...(opts.from ? { from: opts.from } : {}),
      ...(opts.userId ? { from_user_id: opts.userId } : {}),
      id: wamid(opts.from),
      timestamp: ts,
      ...m,
    })),
  });
}

export function twilioSignature(url: string, params: Record<string, string>, token = E2E.serverEnv.TWILIO_AUTH_TOKEN) {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join("");
  return crypto.createHmac("sha1", token).update(data, "utf8").digest("base64");
}

export const twilioSid = (prefix: string) => prefix + crypto.randomBytes(16).toString("hex");

/** POSTs form params to a Twilio webhook path, signed over the public URL as Twilio does. */
export async function postTwilio(
  request: APIRequestContext,
  path: string,
  params: Record<string, string>,
  signature?: string,
) {
  return request.post(`${E2E.baseUrl}${path}`, {
    data: new URLSearchParams(params).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature ?? twilioSignature(E2E.serverEnv.PUBLIC_BASE_URL + path, params),
    },
  });
}

export function twilioWhatsAppParams(from: string, body: string, name = "Test Informant"): Record<string, string> {
  const sid = twilioSid("SM");
  const digits = from.replace(/\D/g, "");
  return {
    SmsMessageSid: sid,
    NumMedia: "0",
    ProfileName: name,
    MessageType: "text",
    SmsSid: sid,
    WaId: digits,
    SmsStatus: "received",
    Body: body,
    To: E2E.serverEnv.TWILIO_WHATSAPP_FROM,
    NumSegments: "1",
    ReferralNumMedia: "0",
    MessageSid: sid,
    AccountSid: E2E.serverEnv.TWILIO_ACCOUNT_SID,
    From: `whatsapp:+${digits}`,
    ApiVersion: "2010-04-01",
  };
}

export function twilioCallParams(from: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AccountSid: E2E.serverEnv.TWILIO_ACCOUNT_SID,
    ApiVersion: "2010-04-01",
    CallSid: twilioSid("CA"),
    CallStatus: "ringing",
    Called: "+14155238886",
    Caller: from,
    Direction: "inbound",
    From: from,
    FromCountry: "IN",
    To: "+14155238886",
    ...extra,
  };
}

/** Tells the fake Exotel API about a call, as Exotel would know it: the app confirms every call there. */
export async function registerExotelCall(
  request: APIRequestContext,
  call: { Sid: string; From: string; RecordingUrl?: string | null },
) {
  expect((await request.post(`${E2E.fakeUrl}/_exotel/calls`, { data: call })).status()).toBe(200);
}

/** Exotel Passthru (GET): the caller's details travel in the query string. The call is registered
 *  with the fake Exotel API first unless `register` is false (a forged call). */
export async function getExotelPassthru(
  request: APIRequestContext,
  params: Record<string, string>,
  token = E2E.serverEnv.EXOTEL_WEBHOOK_TOKEN,
  opts: { register?: boolean } = {},
) {
  if (opts.register !== false)
    await registerExotelCall(request, {
      Sid: params.CallSid,
      From: params.CallFrom ?? params.From,
      RecordingUrl: params.RecordingUrl ?? null,
    });
  return request.get(`${E2E.baseUrl}/api/webhooks/exotel/${token}/passthru?${new URLSearchParams(params)}`);
}

export async function postExotelStatus(
  request: APIRequestContext,
  params: Record<string, string>,
  token = E2E.serverEnv.EXOTEL_WEBHOOK_TOKEN,
) {
  return request.post(`${E2E.baseUrl}/api/webhooks/exotel/${token}/status`, {
    data: new URLSearchParams(params).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

export function exotelPassthruParams(from: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    CallSid: crypto.randomBytes(16).toString("hex"),
    CallFrom: from,
    CallTo: "08047112233",
    Direction: "incoming",
    DialCallDuration: "0",
    StartTime: "2026-11-30 10:20:00",
    CallType: "call-attempt",
    flow_id: "228880",
    From: from,
    To: "08047112233",
    CurrentTime: "2026-11-30 10:20:41",
    digits: '"1"',
    ...extra,
  };
}

/**
 * Reads the e2e server's database from the test process. On PostgreSQL (DATABASE_URL set for the
 * run) it connects directly; on the embedded PGlite — which only one process may open — it takes a
 * backup through the running server (`npm run backup`, which asks the server for a consistent copy)
 * and opens the restored copy, then discards it.
 */
export async function withDatabase<T>(
  fn: (query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>,
): Promise<T> {
  if (process.env.DATABASE_URL) {
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      return await fn(async (sql, params) => (await client.query(sql, params as unknown[])).rows);
    } finally {
      await client.end();
    }
  }
  const fs = await import("node:fs");
  const path = await import("node:path");
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const dataDir = restoredCopy();
  const db = await PGlite.create(path.join(dataDir, "pglite"), { extensions: { pg_trgm } });
  try {
    return await fn(
      async (sql, params) => (await db.query(sql, params as unknown[])).rows as Record<string, unknown>[],
    );
  } finally {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A fresh data folder holding a backup of the running e2e server, restored (`npm run backup`, `npm run restore`). */
export function restoredCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-e2e-copy-"));
  const run = (script: string, args: string[], dataDir: string) => {
    const r = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
      env: { ...process.env, ...E2E.serverEnv, DATABASE_URL: "", DATA_DIR: dataDir },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`npm run ${script} failed: ${r.stdout}${r.stderr}`);
  };
  run("backup", ["--out", path.join(dir, "backup")], E2E.dataDir);
  run("restore", ["--from", path.join(dir, "backup")], path.join(dir, "data"));
  return path.join(dir, "data");
}
