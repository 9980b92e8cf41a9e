// Route plumbing shared by the provider webhooks: a capped raw-body reader, constant-time
// comparison and the mapping from pipeline failures to status codes (2xx only after commit).
import "server-only";
import crypto from "node:crypto";
import { env } from "../env";
import { draining, track } from "../lifecycle/shutdown";
import { log } from "../log";
import { readAtMost } from "../http/read-at-most";

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {}

/** Reads the body as raw bytes, stopping as soon as it exceeds the cap (a lying Content-Length too). */
export async function readRawBody(req: Request, cap = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > cap) throw new BodyTooLarge();
  const body = await readAtMost(req.body, cap);
  if (!body) throw new BodyTooLarge();
  return body;
}

/** The raw body, or the provider's answer (413) when it is over the cap. */
export async function rawBodyOr413(req: Request): Promise<Buffer | Response> {
  try {
    return await readRawBody(req);
  } catch (e) {
    if (e instanceof BodyTooLarge) return text(413, "payload too large");
    throw e;
  }
}

export function safeEqual(a: string, b: string) {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  // Compare digests so that unequal lengths take the same time as equal ones.
  const hx = crypto.createHash("sha256").update(x).digest();
  const hy = crypto.createHash("sha256").update(y).digest();
  return crypto.timingSafeEqual(hx, hy) && x.length === y.length;
}

export function text(status: number, body = "") {
  return new Response(body, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * Runs the durable part of a webhook. Anything that throws here means nothing (or not everything)
 * was committed: answer 503 so the provider retries. The error is logged by message only — never
 * the request URL, body or parameters, which carry identity.
 */
export async function commitOr503(provider: string, work: () => Promise<Response>): Promise<Response> {
  // Shutting down: the provider retries, through another instance or this one's successor.
  if (draining()) return text(503, "restarting");
  const deadline = env().WEBHOOK_DEADLINE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A database that stopped answering must not hold the provider's request until the network gives
  // up: past the deadline we answer 503 and the provider retries. Whatever commits late is found
  // by its event key on that retry, so nothing is stored twice.
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new DeadlinePassed()), deadline)));
  const running = track(work());
  try {
    return await Promise.race([running, late]);
  } catch (e) {
    if (e instanceof DeadlinePassed) running.catch(() => undefined);
    log.error("webhook not stored; provider will retry", { provider, error: errorText(e) });
    return text(503, "temporarily unavailable");
  } finally {
    clearTimeout(timer);
  }
}

class DeadlinePassed extends Error {
  constructor() {
    super("no commit before the webhook deadline");
  }
}

/** Error text without values: Prisma/pg messages can quote parameters, so keep the first line, clipped. */
function errorText(e: unknown) {
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string })?.code;
  return `${code ? code + " " : ""}${msg
    .split("\n")[0]
    .replace(/\d{6,}/g, "…")
    .slice(0, 200)}`;
}
