// The live bus (docs/decisions/0150-live-event-log.md). Writers call `publish(tx, event)` inside
// their transaction: the event becomes a row of the live event log, tagged with the transaction's
// id, and a NOTIFY wakes every app instance after COMMIT. Each process reads the log once per
// wake-up — "what my last snapshot did not see" — and fans the batch out to its streams. A cursor
// is a Postgres snapshot (`pg_current_snapshot()`), so a page that took one before rendering can
// later be given exactly the events committed after its render, on any instance and after a
// restart. Payloads carry ids only (never message text or identity).
import "server-only";
import { EventEmitter } from "node:events";
import type { Tx } from "../db";
import { raw } from "../db";
import { log } from "../log";

/** The NOTIFY channel; prisma/functions/emit_live.sql notifies it (lib/live/channel.test.ts keeps the two equal). */
export const CHANNEL = "mukhbir_events";

export type LiveEvent =
  | { type: "tip.created"; tipId: string; ref: string; flagged?: boolean }
  | { type: "tip.updated"; tipId: string; ref: string }
  /** `flagged`: from a blocked informant — stored and shown, but no alert sound. */
  | {
      type: "message.created";
      tipId: string;
      ref: string;
      messageId: string;
      direction: "INBOUND" | "OUTBOUND";
      flagged?: boolean;
    }
  | { type: "message.updated"; tipId: string; ref: string; messageId: string }
  /** A new message hit a watch item (ADR 0702): for its owner, or everyone who can see the tip when shared. */
  | { type: "watch.hit"; tipId: string; ref: string; watchId: string; ownerId: string; shared: boolean };

/** A logged event with its log id and the station its tip belongs to now (for station scoping). */
export type LoggedEvent = { id: string; event: LiveEvent; stationId: string | null };

/**
 * What a reader gets: the events its cursor had not seen, and the cursor that now covers them.
 * `resync`: the events cannot be listed (cursor unknown, older than the log, or too many): refetch.
 */
export type LiveBatch = { events: LoggedEvent[]; cursor: string; resync: boolean };

/** Past this many events a reader is told to refetch instead. */
export const MAX_CATCH_UP = 2000;
/** Log rows older than this are pruned; a cursor older than that gets a resync. */
const KEEP = "1 day";
const PRUNE_EVERY_MS = 60 * 60_000;
/** A reader also looks every so often without being woken, in case a notification was lost. */
const SAFETY_POLL_MS = 30_000;

export async function publish(tx: Tx, event: LiveEvent) {
  await tx.$executeRaw`SELECT mukhbir_internal.emit_live(${JSON.stringify(event)}::jsonb)`;
}

/** A cursor covering everything committed so far. Pages take one before they read what they render. */
export async function liveCursor(): Promise<string> {
  const [row] = await raw().query<{ cursor: string }>("SELECT pg_current_snapshot()::text AS cursor");
  return row.cursor;
}

const CURSOR = /^\d{1,20}:\d{1,20}:(\d{1,20}(,\d{1,20}){0,2000})?$/;

export function isCursor(value: unknown): value is string {
  return typeof value === "string" && value.length <= 50_000 && CURSOR.test(value);
}

type ReadRow = { cursor: string; expired: boolean; events: LoggedEvent[] };

/**
 * The events committed since `cursor` (not visible in that snapshot) and visible now, in log order,
 * read in one statement together with the snapshot it saw — which becomes the next cursor.
 */
export async function readSince(cursor: string | null, limit = MAX_CATCH_UP): Promise<LiveBatch> {
  if (!isCursor(cursor)) return { events: [], cursor: await liveCursor(), resync: true };
  const [row] = await raw().query<ReadRow>(
    `WITH c AS (SELECT $1::pg_snapshot AS s)
     SELECT pg_current_snapshot()::text AS cursor,
       pg_snapshot_xmax(c.s) > pg_snapshot_xmax(pg_current_snapshot())
         OR COALESCE((SELECT NOT pg_visible_in_snapshot(p."through", c.s) FROM mukhbir_internal.live_event_pruned p), false) AS expired,
       COALESCE((
         SELECT json_agg(json_build_object('id', e."id"::text, 'event', e."payload", 'stationId', t."stationId") ORDER BY e."id")
         FROM (SELECT x."id", x."payload" FROM mukhbir_internal.live_event x
               WHERE x."xid" >= pg_snapshot_xmin(c.s) AND NOT pg_visible_in_snapshot(x."xid", c.s)
               ORDER BY x."id" LIMIT $2) e
         LEFT JOIN public."Tip" t ON t."id" = (e."payload"->>'tipId')::uuid
       ), '[]'::json) AS events
     FROM c`,
    [cursor, limit + 1],
  );
  if (row.expired || row.events.length > limit) return { events: [], cursor: row.cursor, resync: true };
  return { events: row.events, cursor: row.cursor, resync: false };
}

type BusState = { emitter: EventEmitter; ready?: Promise<void>; cursor?: string; polling: boolean; again: boolean };
const g = globalThis as unknown as { __mukhbirBus?: BusState };

function state(): BusState {
  if (!g.__mukhbirBus) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0); // one per open SSE stream
    g.__mukhbirBus = { emitter, polling: false, again: false };
  }
  return g.__mukhbirBus;
}

/** Reads the log past this process's cursor; wake-ups during a read cause one more read after it. */
async function poll(s: BusState) {
  // Woken before start() took the first cursor (the LISTEN connection calls back as soon as it is
  // up): nothing to read yet — that cursor covers everything committed so far. Reading without one
  // would answer "resync" to every stream already subscribed (found by the reliability fan-out).
  if (!s.cursor) return;
  if (s.polling) return void (s.again = true);
  s.polling = true;
  try {
    do {
      s.again = false;
      const batch = await readSince(s.cursor ?? null, 50_000);
      s.cursor = batch.cursor;
      if (batch.resync || batch.events.length) s.emitter.emit("batch", batch);
    } while (s.again);
  } catch (e) {
    // The database is away: the next wake-up, or the safety poll, reads from the same cursor.
    log.warn("live bus read failed", { error: e instanceof Error ? e.message.split("\n")[0] : String(e) });
  } finally {
    s.polling = false;
  }
}

async function prune() {
  await raw().query(
    `WITH d AS (DELETE FROM mukhbir_internal.live_event WHERE "at" < now() - interval '${KEEP}' RETURNING "xid")
     INSERT INTO mukhbir_internal.live_event_pruned ("one", "through") SELECT true, max(d."xid") FROM d HAVING count(*) > 0
     ON CONFLICT ("one") DO UPDATE SET "through" = GREATEST(mukhbir_internal.live_event_pruned."through", EXCLUDED."through")`,
  );
}

async function start(s: BusState) {
  // LISTEN before taking the first cursor: nothing committed in between goes unnoticed.
  await raw().listen(CHANNEL, () => void poll(s));
  s.cursor = await liveCursor();
  setInterval(() => void poll(s), SAFETY_POLL_MS).unref();
  setInterval(() => void prune().catch(() => undefined), PRUNE_EVERY_MS).unref();
}

/** Every batch of new events this process reads. Returns an unsubscribe function. */
export async function subscribe(fn: (batch: LiveBatch) => void): Promise<() => void> {
  const s = state();
  s.ready ??= start(s).catch((e) => {
    s.ready = undefined;
    throw e;
  });
  await s.ready;
  s.emitter.on("batch", fn);
  return () => void s.emitter.off("batch", fn);
}

/** For tests and the prune job: delete log rows past the keep period now. */
export const pruneLiveLog = prune;
