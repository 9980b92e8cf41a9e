// Threading rule (docs/decisions/0101-threading-window.md): a message joins its informant's most
// recent open tip when that tip's last activity is within THREAD_WINDOW_HOURS of the message;
// otherwise it opens a new tip with the next ref. Callers hold the informant's row lock
// (upsertInformant), so two messages from one person never both open a tip.
import "server-only";
import crypto from "node:crypto";
import type { Tx } from "../db";
import type { Channel } from "../generated/prisma/enums";
import { env } from "../env";
import { allocateRef } from "../tips/allocate-ref";
import type { InformantRow } from "./upsert-informant";

export type ThreadedTip = { id: string; ref: string; flagged: boolean; isNew: boolean };

export async function threadTip(tx: Tx, informant: InformantRow, channel: Channel, at: Date): Promise<ThreadedTip> {
  const since = new Date(at.getTime() - env().THREAD_WINDOW_HOURS * 3_600_000);
  const [open] = await tx.$queryRaw<{ id: string; ref: string; flagged: boolean }[]>`
    SELECT "id", "ref", "flagged" FROM "Tip"
    WHERE "informantId" = ${informant.id}::uuid AND "status" NOT IN ('CLOSED', 'MERGED') AND "lastActivityAt" >= ${since}
    ORDER BY "lastActivityAt" DESC LIMIT 1`;
  if (open) return { ...open, isNew: false };
  const { ref, year, seq } = await allocateRef(tx, at);
  const id = crypto.randomUUID();
  await tx.$executeRaw`
    INSERT INTO "Tip" ("id", "ref", "year", "seq", "channel", "informantId", "flagged", "receivedAt", "lastActivityAt", "lastInboundAt", "createdAt", "updatedAt")
    VALUES (${id}::uuid, ${ref}, ${year}, ${seq}, ${channel}::"Channel", ${informant.id}::uuid, ${informant.blocked}, ${at}, ${at}, ${at}, now(), now())`;
  return { id, ref, flagged: informant.blocked, isNew: true };
}

/** Counters, preview and search text after a message was added. Timestamps never move backwards (late redeliveries). */
export async function touchTip(
  tx: Tx,
  tipId: string,
  opts: { at: Date; inbound: boolean; messages: number; media: number; text?: string; flag?: boolean },
) {
  const text = opts.text?.trim() ?? "";
  const search = text ? searchText(text) : "";
  await tx.$executeRaw`
    UPDATE "Tip" SET
      "messageCount" = "messageCount" + ${opts.messages},
      "mediaCount" = "mediaCount" + ${opts.media},
      "lastActivityAt" = GREATEST("lastActivityAt", ${opts.at}),
      "lastInboundAt" = CASE WHEN ${opts.inbound} THEN GREATEST("lastInboundAt", ${opts.at}) ELSE "lastInboundAt" END,
      "preview" = CASE WHEN ${text} = '' THEN "preview" ELSE ${preview(text)} END,
      "searchText" = CASE WHEN ${search} = '' THEN "searchText" WHEN "searchText" = '' THEN ${search} ELSE "searchText" || E'\\n' || ${search} END,
      "flagged" = "flagged" OR ${opts.flag ?? false},
      "updatedAt" = now()
    WHERE "id" = ${tipId}::uuid`;
}

/** NFKC folds Devanagari and full-width variants to one form; lower-case for case-insensitive search. */
export function searchText(s: string) {
  return s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

export function preview(s: string) {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > 140 ? one.slice(0, 139) + "…" : one;
}
