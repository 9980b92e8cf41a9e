// Rows stored before WhatsApp ids were hashed (issue: a wamid is base64 of a record holding the
// sender's number): message, reply-to and status ids become keyed hashes, stored payloads keep
// only their allowlisted fields, provider error texts are scrubbed — the same forms new rows get
// (lib/ingest/meta/normalise.ts, payload-allowlist.ts, lib/identity/scrub.ts). Batched and
// idempotent: an interrupted run finishes on the next start.
import type { Raw } from "../engine";
import type { DataStep } from "../data-steps";
import { hashProviderId } from "../../identity/crypto";
import { scrubIdentity } from "../../identity/scrub";
import { EXOTEL, keep, META, TWILIO, type Shape } from "../../ingest/payload-allowlist";

const BATCH = 500;
const HASHED = /^(h:|local:|demo:)/;

export const hashStoredProviderIds: DataStep = { name: "20261205-hash-stored-provider-ids", run };

async function run(raw: Raw) {
  await convertEvents(raw);
  await convertMessages(raw);
}

export function storedExternalId(provider: string, id: string): string {
  if (provider !== "META") return id;
  if (id.startsWith("wamid.")) return hashProviderId(id);
  const status = /^status:(.+):([^:]*)$/.exec(id);
  if (status && !status[1].startsWith("h:")) return `status:${hashProviderId(status[1])}:${status[2]}`;
  return id;
}

function shapeFor(provider: string, kind: string): Shape {
  const group = kind.split(".")[0];
  if (provider === "META")
    return group === "message"
      ? META.message
      : group === "status"
        ? META.status
        : group === "error"
          ? META.error
          : group === "call"
            ? META.call
            : META.unreadable;
  if (provider === "TWILIO")
    return group === "message" ? TWILIO.message : group === "status" ? TWILIO.status : TWILIO.call;
  return EXOTEL.call;
}

type EventRow = {
  id: string;
  provider: string;
  externalId: string;
  kind: string;
  payload: unknown;
  error: string | null;
};

async function convertEvents(raw: Raw) {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await raw.query<EventRow>(
      `SELECT "id"::text AS "id", "provider"::text AS "provider", "externalId", "kind", "payload", "error" FROM "WebhookEvent" WHERE "id" > $1::uuid ORDER BY "id" LIMIT ${BATCH}`,
      [after],
    );
    if (!rows.length) return;
    after = rows[rows.length - 1].id;
    const changed = rows.flatMap((r) => {
      const payload = JSON.stringify(
        keep(typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload, shapeFor(r.provider, r.kind)),
      );
      const next = {
        id: r.id,
        externalId: storedExternalId(r.provider, r.externalId),
        payload,
        error: r.error === null ? null : scrubIdentity(r.error),
      };
      const same = next.externalId === r.externalId && payload === JSON.stringify(r.payload) && next.error === r.error;
      return same ? [] : [next];
    });
    if (!changed.length) continue;
    await raw.query(
      `UPDATE "WebhookEvent" w SET "externalId" = v.eid, "payload" = v.payload::jsonb, "error" = v.error
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(id, eid, payload, error) WHERE w."id" = v.id`,
      [
        changed.map((c) => c.id),
        changed.map((c) => c.externalId),
        changed.map((c) => c.payload),
        changed.map((c) => c.error),
      ],
    );
  }
}

type MessageRow = {
  id: string;
  providerMessageId: string;
  replyToProviderId: string | null;
  deliveryError: string | null;
};

async function convertMessages(raw: Raw) {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await raw.query<MessageRow>(
      `SELECT "id"::text AS "id", "providerMessageId", "replyToProviderId", "deliveryError" FROM "Message"
       WHERE "provider" = 'META' AND "id" > $1::uuid ORDER BY "id" LIMIT ${BATCH}`,
      [after],
    );
    if (!rows.length) return;
    after = rows[rows.length - 1].id;
    const changed = rows.flatMap((r) => {
      const next = {
        id: r.id,
        pid: HASHED.test(r.providerMessageId) ? r.providerMessageId : hashProviderId(r.providerMessageId),
        reply:
          r.replyToProviderId === null || HASHED.test(r.replyToProviderId)
            ? r.replyToProviderId
            : hashProviderId(r.replyToProviderId),
        error: r.deliveryError === null ? null : scrubIdentity(r.deliveryError),
      };
      return next.pid === r.providerMessageId && next.reply === r.replyToProviderId && next.error === r.deliveryError
        ? []
        : [next];
    });
    if (!changed.length) continue;
    await raw.query(
      `UPDATE "Message" m SET "providerMessageId" = v.pid, "replyToProviderId" = v.reply, "deliveryError" = v.error
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(id, pid, reply, error) WHERE m."id" = v.id`,
      [changed.map((c) => c.id), changed.map((c) => c.pid), changed.map((c) => c.reply), changed.map((c) => c.error)],
    );
  }
}
