// Realistic change while the dashboard is measured (ADR 0520): every `everyMs`, one new tip arrives,
// one new tip is claimed and one recent open tip is closed, with the same column changes and
// TipEvents the app writes (claim-tip.ts, close-tip.ts). Closing a tip received on an earlier
// day marks that day dirty, so the next dashboard request rebuilds it inside its own time.
// At 1M tips over 90 days (~11k a day) the real desk does about one of each every 8 s.
import pg from "pg";

export function startChurn(url, everyMs) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  let stopped = false;
  const stats = { rounds: 0, errors: 0 };
  const round = async () => {
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      await c.query(`INSERT INTO "Tip" ("id", "ref", "year", "seq", "status", "priority", "category", "channel", "informantId", "stationId", "receivedAt", "lastActivityAt", "lastInboundAt", "messageCount", "updatedAt")
        SELECT gen_random_uuid(), 'BC-' || gen_random_uuid(), 2001, floor(random() * 2e9)::int, 'NEW', 'NORMAL', 'NARCOTICS', 'WHATSAPP',
          (SELECT "id" FROM "Informant" LIMIT 1), (SELECT "id" FROM "PoliceStation" LIMIT 1), now(), now(), now(), 1, now()`);
      await c.query(`WITH t AS (SELECT "id" FROM "Tip" WHERE "status" = 'NEW' AND "assigneeId" IS NULL ORDER BY "receivedAt" LIMIT 1 FOR UPDATE SKIP LOCKED),
          u AS (SELECT "id" FROM "User" WHERE "role" = 'OFFICER' ORDER BY random() LIMIT 1),
          x AS (UPDATE "Tip" SET "status" = 'IN_PROGRESS', "assigneeId" = (SELECT "id" FROM u), "claimedAt" = now(), "firstResponseAt" = COALESCE("firstResponseAt", now()), "updatedAt" = now()
            WHERE "id" IN (SELECT "id" FROM t) RETURNING "id", "assigneeId")
        INSERT INTO "TipEvent" ("tipId", "actorId", "type", "at") SELECT "id", "assigneeId", 'claimed', now() FROM x`);
      await c.query(`WITH t AS (SELECT "id" FROM "Tip" WHERE "status" = 'IN_PROGRESS' AND "receivedAt" > now() - interval '3 days'
            AND mukhbir_internal.ist_day("receivedAt") < mukhbir_internal.ist_day(now())
            ORDER BY "receivedAt" LIMIT 1 OFFSET (random() * 200)::int FOR UPDATE SKIP LOCKED),
          x AS (UPDATE "Tip" SET "status" = 'CLOSED', "outcome" = 'ACTIONED', "closingSummary" = 'bench churn', "closedAt" = now(), "updatedAt" = now()
            WHERE "id" IN (SELECT "id" FROM t) RETURNING "id", "assigneeId")
        INSERT INTO "TipEvent" ("tipId", "actorId", "type", "toValue", "at") SELECT "id", "assigneeId", 'closed', 'ACTIONED', now() FROM x`);
      await c.query("COMMIT");
      stats.rounds++;
    } catch (e) {
      stats.errors++;
      await c.query("ROLLBACK").catch(() => {});
      if (stats.errors === 1) console.error(`churn: ${e.message}`);
    } finally {
      c.release();
    }
  };
  const loop = (async () => {
    while (!stopped) {
      const t0 = Date.now();
      await round();
      await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - t0))));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await pool.end();
    return stats;
  };
}
