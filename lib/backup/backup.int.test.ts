// Backups that restore (lib/backup): a backup of a live database with tips, stored media, informants
// and an audit trail restores into a fresh data folder (PGlite) or an empty database (PostgreSQL),
// and everything survives: tips, the media files and their SHA-256, identity (addresses still
// decrypt with the same keys), the audit chain. The backup holds no key and no readable number.
import { afterAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { db, raw } from "../db";
import { openEngine, type Raw } from "../db/engine";
import { decrypt } from "../identity/crypto";
import { auditNow } from "../audit";
import { storage } from "../storage/storage";
import { newStorageKey } from "../storage/keys";
import { ingestEvent } from "../ingest/ingest-event";
import { verifyAuditChain } from "../audit-verify";
import { env } from "../env";
import { recreateDatabase } from "../testing/recreate-database";
import { writeBackup } from "./write-backup";
import { readManifest, restoreBackup } from "./restore-backup";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-backup-"));
const isPostgres = raw().kind === "postgres";
// A database of its own needs a role that may create one: the run's superuser (split roles: lib/testing/split-roles.ts).
const adminUrl = process.env.TEST_SUPERUSER_URL || process.env.DATABASE_URL;
const restoreUrl = isPostgres ? adminUrl!.replace(/\/([^/?]+)(\?|$)/, "/$1_restore$2") : undefined;
let restored: Raw | undefined;

afterAll(async () => {
  await restored?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores tips, media, identity and the audit chain into a fresh database", async () => {
    const phone = `9190${String(Date.now()).slice(-8)}`;
    const r = await ingestEvent({
      type: "message",
      provider: "TWILIO",
      externalId: `SM${crypto.randomBytes(16).toString("hex")}`,
      kind: "message.text",
      at: new Date(),
      payload: {},
      channel: "WHATSAPP",
      sender: { address: { kind: "phone", value: phone }, name: "Backup Canary" },
      providerMessageId: `SM${crypto.randomBytes(16).toString("hex")}`,
      messageKind: "TEXT",
      body: "backup wala tip",
      media: [],
    });
    const bytes = crypto.randomBytes(2048);
    const key = newStorageKey("bin");
    await storage().put(key, bytes);
    await db.attachment.create({
      data: {
        messageId: r.messageId!,
        provider: "TWILIO",
        providerRef: "https://api.twilio.com/x",
        mime: "image/jpeg",
        fetchState: "STORED",
        storageKey: key,
        size: bytes.length,
        sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
      },
    });
    await auditNow({ action: "backup.test", targetType: "tip", targetId: r.tipId!, ip: "127.0.0.1" });

    const out = path.join(tmp, "backup");
    const mediaDir = (storage() as unknown as { root: string }).root;
    const manifest = await writeBackup({
      raw: raw(),
      databaseUrl: process.env.DATABASE_URL || undefined,
      mediaDir,
      outDir: out,
    });
    expect(manifest.counts.Tip).toBeGreaterThan(0);
    expect(Object.keys(manifest.files)).toContain(path.join("media", key));
    // No key, no secret and no readable number in the backup's files (the database dump is compressed or binary: checked after restore).
    for (const f of Object.keys(manifest.files)) expect(f).not.toMatch(/secret|key/i);

    // A changed file is refused.
    const tampered = path.join(tmp, "tampered");
    fs.cpSync(out, tampered, { recursive: true });
    fs.appendFileSync(path.join(tampered, "media", key), "x");
    expect(() => readManifest(tampered)).toThrow(/changed/);

    const dataDir = path.join(tmp, "restored");
    const restoredMedia = path.join(dataDir, "media");
    if (isPostgres) await recreateDatabase(restoreUrl!);
    await restoreBackup({
      from: out,
      dataDir: isPostgres ? undefined : dataDir,
      databaseUrl: restoreUrl,
      mediaDir: restoredMedia,
    });
    restored = openEngine({ databaseUrl: restoreUrl, dataDir }).raw;

    const [tip] = await restored.query<{ ref: string; informantId: string }>(
      `SELECT "ref", "informantId" FROM "Tip" WHERE "id" = $1`,
      [r.tipId],
    );
    expect(tip.ref).toBe(r.ref);
    for (const t of ["Tip", "Message", "Attachment", "AuditLog"]) {
      const [{ n }] = await restored.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`);
      expect(Number(n)).toBeGreaterThanOrEqual(manifest.counts[t]);
    }
    const [inf] = await restored.query<{ addressCipher: string; keyId: string }>(
      `SELECT "addressCipher", "keyId" FROM "Informant" WHERE "id" = $1`,
      [tip.informantId],
    );
    expect(decrypt(inf.addressCipher, inf.keyId)).toBe(`phone:${phone}`);
    const [att] = await restored.query<{ storageKey: string; sha256: string }>(
      `SELECT "storageKey", "sha256" FROM "Attachment" WHERE "messageId" = $1`,
      [r.messageId],
    );
    expect(
      crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(restoredMedia, att.storageKey)))
        .digest("hex"),
    ).toBe(att.sha256);
    const chain = await verifyAuditChain(restored, { key: env().AUDIT_KEY });
    expect(chain.ok).toBe(true);
    const dump = JSON.stringify(await restored.query(`SELECT * FROM "Informant"`));
    expect(dump).not.toContain(phone);
    expect(dump).not.toContain("Backup Canary");
  });
});
