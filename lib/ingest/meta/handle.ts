// The WhatsApp Cloud API webhook, end to end: size cap → signature on the raw bytes → JSON →
// cleaned and bounded (sanitise.ts) → envelope check → normalise item by item → store every event,
// each in its own transaction → 200 only after all committed. A signed delivery is refused (4xx)
// only when it is not a WhatsApp webhook at all; anything inside it that cannot be stored is
// recorded as failed and acknowledged, so Meta does not retry it for days.
import "server-only";
import { env } from "../../env";
import { log } from "../../log";
import { commitOr503, rawBodyOr413, safeEqual, text } from "../http";
import { verifyMetaSignature } from "../signatures";
import { ingestAll } from "../ingest-event";
import { sanitiseJson, type Repairs } from "../sanitise";
import { MetaWebhook } from "./schema";
import { digest, normaliseMeta } from "./normalise";

export async function handleMetaPost(req: Request): Promise<Response> {
  const raw = await rawBodyOr413(req);
  if (raw instanceof Response) return raw;
  const e = env();
  if (!verifyMetaSignature(raw, req.headers.get("x-hub-signature-256"), e.WHATSAPP_APP_SECRET))
    return text(401, "invalid signature");

  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    return text(400, "malformed JSON");
  }
  const repairs: Repairs = { count: 0 };
  const parsed = MetaWebhook.safeParse(sanitiseJson(json, repairs));
  if (!parsed.success)
    return text(
      400,
      "malformed webhook: " +
        parsed.error.issues
          .slice(0, 3)
          .map((i) => i.path.join(".") + " " + i.message)
          .join("; "),
    );
  const { events } = normaliseMeta(parsed.data, digest(raw), e.WHATSAPP_PHONE_NUMBER_IDS);
  if (!events.length) log.info("webhook ignored", { provider: "META", reason: "no events for our phone number ids" });
  // Repairs are counted per delivery; each of its events records the count.
  if (repairs.count) for (const ev of events) ev.repairs = repairs.count;
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
