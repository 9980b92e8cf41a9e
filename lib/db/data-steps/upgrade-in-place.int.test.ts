// Existing databases upgrade in place: a database as the previous release made it — its migrations
// only, and rows written the way its ingest wrote them (raw WhatsApp ids that carry the sender's
// number, payloads with only known identity keys removed) — is converted at start (migrations,
// function files, data steps), after which the canary's number is nowhere in it, not even inside
// a base64 id, and the converted rows still match: a redelivery is a duplicate, a status finds its
// message.
import { afterAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { openEngine, type Raw } from "../engine";
import { migrate, migrationsDir } from "../migrate";
import { runDataSteps } from "../data-steps";
import { encrypt, hashAddress, hashProviderId } from "../../identity/crypto";
import { realWaId } from "../../ingest/testing/meta-fixtures";
import { needlesFor, searchDatabase } from "../../testing/identity-search";
import { recreateDatabase } from "../../testing/recreate-database";

/** The last migration of the release before WhatsApp ids were hashed. */
const PREVIOUS_RELEASE = "20261202000000_dashboard_tip_deltas";
const LOCAL = "9369027514";
const NUMBER = `91${LOCAL}`;
const NAME = "Zorawar Canarywala";

let engine: { raw: Raw } | undefined;
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  await engine?.raw.close();
  for (const c of cleanup) await c();
});

/** An empty database of its own: an in-memory PGlite, or a fresh PostgreSQL database beside the test one. */
async function freshDatabase(): Promise<{ raw: Raw }> {
  // The run's superuser (tests run with split roles, lib/testing/split-roles.ts): it may create databases.
  const url = process.env.TEST_SUPERUSER_URL || process.env.DATABASE_URL;
  if (!url) return openEngine({ dataDir: "memory://upgrade" });
  const own = new URL(url);
  own.pathname = `${own.pathname}_upgrade`;
  return openEngine({ databaseUrl: await recreateDatabase(own.toString()), dataDir: "memory://unused" });
}

describe("upgrade in place", () => {
  it("converts a previous release's database so the canary search passes and matching still works", async () => {
    engine = await freshDatabase();
    const raw = engine.raw;
    // The previous release's schema: its migrations only, no function files.
    const old = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-old-migrations-"));
    cleanup.push(async () => fs.rmSync(old, { recursive: true, force: true }));
    for (const m of fs.readdirSync(migrationsDir()).filter((n) => n <= PREVIOUS_RELEASE))
      fs.cpSync(path.join(migrationsDir(), m), path.join(old, m), { recursive: true });
    await migrate(raw, old, path.join(old, "no-functions"));

    // Rows as its ingest wrote them (lib/ingest/store-message.ts of that release, through its ingest_message).
    const inbound = realWaId(NUMBER);
    const reaction = realWaId(NUMBER);
    const address = encrypt(`phone:${NUMBER}`);
    const now = new Date();
    const input = (id: string, extra: Record<string, unknown>) => ({
      provider: "META",
      externalId: id,
      kind: "message.text",
      reason: null,
      hash: hashAddress({ kind: "phone", value: NUMBER }),
      addressCipher: address.cipher,
      nameCipher: encrypt(NAME).cipher,
      keyId: address.keyId,
      aliases: [`M-${crypto.randomBytes(3).toString("hex").toUpperCase()}`],
      channel: "WHATSAPP",
      at: now.toISOString(),
      since: new Date(now.getTime() - 86_400_000).toISOString(),
      year: now.getFullYear(),
      messageKind: "TEXT",
      body: "sharab ki bhatti",
      meta: null,
      providerMessageId: id,
      replyTo: null,
      preview: "sharab ki bhatti",
      search: "sharab ki bhatti",
      media: [],
      entities: [],
      ack: "Received, ref {{ref}}",
      // That release kept every field but the known identity keys: the id, the context id, the text.
      payload: {
        id,
        type: "text",
        timestamp: String(Math.floor(now.getTime() / 1000)),
        text: { body: "sharab ki bhatti" },
        context: { id: inbound },
      },
      ...extra,
    });
    await raw.query("SELECT * FROM mukhbir_internal.ingest_message($1::jsonb)", [JSON.stringify(input(inbound, {}))]);
    await raw.query("SELECT * FROM mukhbir_internal.ingest_message($1::jsonb)", [
      JSON.stringify(
        input(reaction, {
          kind: "message.reaction",
          messageKind: "REACTION",
          body: "👍",
          replyTo: inbound,
          preview: "",
          search: "",
        }),
      ),
    ]);
    // Our acknowledgement as its send job left it (WhatsApp's id for it, which holds the number), and a status for it.
    const replyId = realWaId(NUMBER);
    await raw.query(
      `UPDATE "Message" SET "providerMessageId" = $1, "deliveryStatus" = 'SENT', "deliveryError" = $2 WHERE "direction" = 'OUTBOUND'`,
      [replyId, `131047 Re-engagement message to +${NUMBER}`],
    );
    await raw.query(
      `INSERT INTO "WebhookEvent" ("id", "provider", "externalId", "kind", "status", "payload", "error") VALUES (gen_random_uuid(), 'META', $1, 'status.delivered', 'PROCESSED', $2::jsonb, NULL)`,
      [
        `status:${replyId}:delivered`,
        JSON.stringify({
          id: replyId,
          status: "delivered",
          timestamp: "1",
          conversation: { id: crypto.randomBytes(8).toString("hex"), origin: { type: "service" } },
        }),
      ],
    );
    const needles = needlesFor(LOCAL, NAME);
    expect(
      (await searchDatabase(raw.query.bind(raw) as never, needles)).found.length,
      "the old database does hold the number (else the search proves nothing)",
    ).toBeGreaterThan(0);

    // Start-up of this release.
    await migrate(raw);
    const applied = await runDataSteps(raw);
    expect(applied).toContain("data/20261205-hash-stored-provider-ids");
    const after = await searchDatabase(raw.query.bind(raw) as never, needles);
    expect(after.found).toEqual([]);
    expect(after.tables).toBeGreaterThan(15);

    // Matching still works on converted rows: the same ids now arrive hashed.
    const [{ n: dupes }] = await raw.query<{ n: string }>(
      `SELECT count(*) AS n FROM "WebhookEvent" WHERE "provider" = 'META' AND "externalId" = $1`,
      [hashProviderId(inbound)],
    );
    expect(Number(dupes)).toBe(1);
    const [react] = await raw.query<{ replyToProviderId: string }>(
      `SELECT "replyToProviderId" FROM "Message" WHERE "kind" = 'REACTION'`,
    );
    expect(react.replyToProviderId).toBe(hashProviderId(inbound));
    const [ack] = await raw.query<{ providerMessageId: string; deliveryError: string }>(
      `SELECT "providerMessageId", "deliveryError" FROM "Message" WHERE "direction" = 'OUTBOUND'`,
    );
    expect(ack.providerMessageId).toBe(hashProviderId(replyId));
    expect(ack.deliveryError).toContain("[number]");
    expect(
      await raw.query(`SELECT 1 FROM "WebhookEvent" WHERE "externalId" = $1`, [
        `status:${hashProviderId(replyId)}:delivered`,
      ]),
    ).toHaveLength(1);
    // The identifiers table was filled from the informants the old release made.
    expect(
      await raw.query(`SELECT 1 FROM "InformantIdentifier" WHERE "hash" = $1`, [
        hashAddress({ kind: "phone", value: NUMBER }),
      ]),
    ).toHaveLength(1);
    // A second start finds nothing left to do.
    expect(await runDataSteps(raw)).toEqual([]);
  });
});
