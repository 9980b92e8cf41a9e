// Demo tips: a few dozen WhatsApp conversations over the last six days, fed through the real
// ingest pipeline (the same parsing, informant hashing/encryption, threading and refs as a live
// webhook), then spread over stations, categories, officers and statuses. Media bytes come from
// the fake provider fixtures and are stored directly (a demo has no provider to fetch from), and
// acknowledgements are marked delivered with `demo:` ids, which the sender never touches.
// Runs once: only when there is no tip at all.
import "server-only";
import crypto from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { log } from "../log";
import { storage, newStorageKey } from "../storage/storage";
import { extensionFor } from "../media/mime";
import { audioDuration } from "../media/duration";
import { MetaWebhook } from "../ingest/meta/schema";
import { digest, normaliseMeta } from "../ingest/meta/normalise";
import { ingestAll } from "../ingest/ingest-event";
import { buildFixtures } from "../simulate/fake-media";
import { makeInformants, metaMessage, rng, wamid, type Informant } from "../simulate/traffic";
import { TEXTS, fill } from "../simulate/texts";
import type { Category, Outcome, Priority, TipStatus } from "../generated/prisma/enums";
import { hashProviderId } from "../identity/crypto";

const OUTCOMES: Outcome[] = [
  "ACTIONED",
  "FIR_REGISTERED",
  "ARREST_MADE",
  "RECOVERY_SEIZURE",
  "INSUFFICIENT_INFORMATION",
  "FALSE_INFORMATION",
];
const PRIORITIES: Priority[] = ["URGENT", "HIGH", "NORMAL", "NORMAL", "NORMAL", "LOW"];

export async function seedDemoTips(count = 36): Promise<number> {
  if ((await db.tip.count()) > 0) return 0;
  const rnd = rng(20261129);
  const fixtures = await buildFixtures();
  const sha = Object.fromEntries(
    Object.entries(fixtures).map(([k, v]) => [k, crypto.createHash("sha256").update(v.bytes).digest("base64")]),
  );
  const phoneNumberId = env().WHATSAPP_PHONE_NUMBER_IDS[0] ?? "100000000000000";
  const informants = makeInformants(count, rnd);
  const categories = new Map<string, Category>();
  const now = Date.now();

  for (const [i, who] of informants.entries()) {
    const start = now - Math.floor(rnd() * 6 * 24 * 3600_000) - 3600_000;
    const t = TEXTS[i % TEXTS.length];
    const first = { type: "text", text: { body: fill(t.text, rnd) } };
    const extra = ["image", "audio", "location", "followup", "document"]
      .filter(() => rnd() < 0.3)
      .map((type) => metaMessage(type, rnd, who, sha));
    const ids: string[] = [];
    const messages = [first, ...extra].map((m, j) => {
      const id = wamid(who.phone);
      ids.push(id);
      return {
        ...(who.bsuidOnly ? {} : { from: who.phone }),
        ...(who.bsuid ? { from_user_id: who.bsuid } : {}),
        id,
        timestamp: String(Math.floor((start + j * 240_000) / 1000)),
        ...m,
      };
    });
    // Stored message ids are keyed hashes (a raw wamid holds the sender's number).
    categories.set(hashProviderId(ids[0]), t.category as Category);
    await ingestPayload(envelope(phoneNumberId, who, messages), phoneNumberId);
  }

  await storeFixtureMedia(fixtures);
  await finishAcks();
  await spreadTips(categories, rnd);
  const tips = await db.tip.count();
  log.info("demo tips seeded", { tips });
  return tips;
}

function envelope(phoneNumberId: string, who: Informant, messages: Record<string, unknown>[]) {
  const contact = {
    profile: { name: who.name },
    ...(who.bsuidOnly ? {} : { wa_id: who.phone }),
    ...(who.bsuid ? { user_id: who.bsuid } : {}),
  };
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
              metadata: { display_phone_number: "15550783881", phone_number_id: phoneNumberId },
              contacts: [contact],
              messages,
            },
          },
        ],
      },
    ],
  };
}

async function ingestPayload(payload: unknown, phoneNumberId: string) {
  const raw = Buffer.from(JSON.stringify(payload));
  const { events } = normaliseMeta(MetaWebhook.parse(payload), digest(raw), [phoneNumberId]);
  await ingestAll(events);
}

/** The demo has no Graph API to fetch from: store the fixture the media id names, as a fetch would. */
async function storeFixtureMedia(fixtures: Awaited<ReturnType<typeof buildFixtures>>) {
  const pending = await db.attachment.findMany({
    where: { fetchState: "PENDING" },
    select: { id: true, providerRef: true },
  });
  for (const a of pending) {
    const kind = Object.keys(fixtures).find((k) => a.providerRef.startsWith(k));
    if (!kind) continue;
    const f = fixtures[kind];
    const key = newStorageKey(extensionFor(f.mime));
    await storage().put(key, f.bytes, { contentType: f.mime });
    const durationSec = /^(audio|video)\//.test(f.mime)
      ? audioDuration(f.mime, f.bytes.subarray(0, 4096), f.bytes.subarray(-65536), f.bytes.length)
      : null;
    await db.attachment.update({
      where: { id: a.id },
      data: {
        fetchState: "STORED",
        mime: f.mime,
        size: f.bytes.length,
        sha256: crypto.createHash("sha256").update(f.bytes).digest("hex"),
        storageKey: key,
        durationSec,
        attempts: 1,
      },
    });
  }
  await db.job.updateMany({ where: { kind: "media.fetch", state: "PENDING" }, data: { state: "DONE" } });
}

async function finishAcks() {
  const acks = await db.message.findMany({
    where: { direction: "OUTBOUND", deliveryStatus: "QUEUED", providerMessageId: { startsWith: "local:" } },
    select: { id: true },
  });
  for (const [i, m] of acks.entries())
    await db.message.update({
      where: { id: m.id },
      data: { providerMessageId: `demo:${m.id}`, deliveryStatus: i % 4 === 0 ? "DELIVERED" : "READ" },
    });
  await db.job.updateMany({ where: { kind: "outbound.send", state: "PENDING" }, data: { state: "DONE" } });
}

/** Stations, categories, priorities, officers and statuses, as a desk a few days into use looks. */
async function spreadTips(categories: Map<string, Category>, rnd: () => number) {
  const stations = await db.policeStation.findMany({ select: { id: true } });
  const officers = await db.user.findMany({ where: { role: "OFFICER" }, select: { id: true } });
  const tips = await db.tip.findMany({
    orderBy: { receivedAt: "asc" },
    select: {
      id: true,
      receivedAt: true,
      messages: {
        where: { direction: "INBOUND" },
        orderBy: { sentAt: "asc" },
        take: 1,
        select: { providerMessageId: true },
      },
    },
  });
  for (const tip of tips) {
    const r = rnd();
    const status: TipStatus = r < 0.35 ? "NEW" : r < 0.65 ? "IN_PROGRESS" : r < 0.75 ? "WAITING_INFORMANT" : "CLOSED";
    const assignee = status === "NEW" || !officers.length ? null : officers[Math.floor(rnd() * officers.length)].id;
    const handled = new Date(tip.receivedAt.getTime() + (5 + Math.floor(rnd() * 90)) * 60_000);
    const closedAt = new Date(Math.min(Date.now(), handled.getTime() + 6 * 3600_000));
    await db.tip.update({
      where: { id: tip.id },
      data: {
        status,
        category: categories.get(tip.messages[0]?.providerMessageId ?? "") ?? "OTHER",
        priority: PRIORITIES[Math.floor(rnd() * PRIORITIES.length)],
        stationId: stations.length && rnd() < 0.85 ? stations[Math.floor(rnd() * stations.length)].id : null,
        assigneeId: assignee,
        claimedAt: assignee ? handled : null,
        firstResponseAt: assignee ? handled : null,
        ...(status === "CLOSED"
          ? {
              closedAt,
              outcome: OUTCOMES[Math.floor(rnd() * OUTCOMES.length)],
              closingSummary: "Demo: spot checked by the beat officer; see notes.",
            }
          : {}),
      },
    });
    // The trail the dashboard's officer figures count (who claimed and who closed what).
    if (assignee) {
      await db.tipEvent.create({
        data: { tipId: tip.id, actorId: assignee, type: "claimed", toValue: assignee, at: handled },
      });
      if (status === "CLOSED")
        await db.tipEvent.create({
          data: { tipId: tip.id, actorId: assignee, type: "closed", toValue: "CLOSED", at: closedAt },
        });
    }
  }
}
