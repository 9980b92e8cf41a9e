// The WhatsApp Cloud API webhook, end to end: size cap → signature on the raw bytes → Zod →
// normalise → store every event, each in its own transaction → 200 only after all committed.
import "server-only";
import { env } from "../../env";
import { log } from "../../log";
import { BodyTooLarge, commitOr503, readRawBody, safeEqual, text } from "../http";
import { verifyMetaSignature } from "../signatures";
import { ingestAll } from "../ingest-event";
import { MetaWebhook } from "./schema";
import { digest, MetaInputError, normaliseMeta } from "./normalise";

export async function handleMetaPost(req: Request): Promise<Response> {
  let raw: Buffer;
  try {
    raw = await readRawBody(req);
  } catch (e) {
    if (e instanceof BodyTooLarge) return text(413, "payload too large");
    throw e;
  }
  const e = env();
  if (!verifyMetaSignature(raw, req.headers.get("x-hub-signature-256"), e.WHATSAPP_APP_SECRET)) return text(401, "invalid signature");

  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    return text(400, "malformed JSON");
  }
  const parsed = MetaWebhook.safeParse(json);
  if (!parsed.success) return text(400, "malformed webhook: " + parsed.error.issues.slice(0, 3).map((i) => i.path.join(".") + " " + i.message).join("; "));
  let events;
  try {
    ({ events } = normaliseMeta(parsed.data, digest(raw), e.WHATSAPP_PHONE_NUMBER_IDS));
  } catch (err) {
    if (err instanceof MetaInputError) return text(400, "malformed webhook: " + err.message);
    throw err;
  }
  if (!events.length) log.info("webhook ignored", { provider: "META", reason: "no events for our phone number ids" });
  return commitOr503("META", async () => {
    await ingestAll(events);
    return text(200, "ok");
  });
}

/** Subscription check: echo hub.challenge only for our verify token. */
export function handleMetaVerify(req: Request): Response {
  const q = new URL(req.url).searchParams;
  const token = env().WHATSAPP_VERIFY_TOKEN;
  const ok = q.get("hub.mode") === "subscribe" && !!token && safeEqual(q.get("hub.verify_token") ?? "", token);
  return ok ? text(200, q.get("hub.challenge") ?? "") : text(403, "forbidden");
}
