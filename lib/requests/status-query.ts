// An informant who sends their ref gets a coarse, automatic status (issue 15 item 6, ADR 0605):
// received / being acted on / closed — only for their own tips. "Own" is decided by the informant
// the message was filed under, which ingest matched by the keyed hash of their number (ADR 0100);
// a ref of someone else's tip gets exactly the answer an unknown ref gets, so a ref reveals nothing.
// Runs as the `informant.status` job after the message is stored; the reply is an ordinary QUEUED
// outbound message sent by `outbound.send`, never with details.
import "server-only";
import { db } from "../db";
import { enqueue } from "../jobs/queue";
import { queueOutbound } from "../providers/queue-outbound";
import { audit } from "../audit";
import { publish } from "../live/bus";

export const STATUS_JOB = "informant.status";
const REF = /\bEM-(\d{4})-(\d{6})\b/i;

export type CoarseStatus = "unknown" | "received" | "acted" | "closed";

/** The ref an inbound text asks about, if any (the first one). */
export function askedRef(text: string): string | null {
  const m = REF.exec(text);
  return m ? `EM-${m[1]}-${m[2]}` : null;
}

export function statusText(ref: string, status: CoarseStatus): string {
  const t = {
    unknown: [
      `संदर्भ संख्या ${ref} की कोई सूचना इस नंबर से नहीं मिली।`,
      `We found no information with reference ${ref} from this number.`,
    ],
    received: [
      `आपकी सूचना ${ref} हमें मिल गई है और इस पर काम हो रहा है।`,
      `Your information ${ref} has been received and is being looked into.`,
    ],
    acted: [
      `आपकी सूचना ${ref} पर कार्रवाई की जा रही है। धन्यवाद।`,
      `Action is being taken on your information ${ref}. Thank you.`,
    ],
    closed: [
      `आपकी सूचना ${ref} पर काम पूरा हो गया है। धन्यवाद।`,
      `Work on your information ${ref} has been completed. Thank you.`,
    ],
  }[status];
  return `${t[0]}\n\n${t[1]}`;
}

/** Enqueues the status reply for a stored inbound message that names a ref (dedupe: once per message). */
export async function queueStatusQuery(messageId: string, body: string) {
  if (!askedRef(body)) return;
  await db.$transaction((tx) =>
    enqueue(tx, STATUS_JOB, { messageId }, { dedupeKey: `status:${messageId}`, maxAttempts: 3 }),
  );
}

export async function answerStatusQuery(messageId: string) {
  const m = await db.message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      direction: true,
      kind: true,
      body: true,
      informantId: true,
      provider: true,
      tip: { select: { id: true, ref: true } },
    },
  });
  if (!m || m.direction !== "INBOUND" || m.kind !== "TEXT") return;
  const ref = askedRef(m.body);
  if (!ref) return;
  const status = await coarseStatus(ref, m.informantId);
  await db.$transaction(async (tx) => {
    const replyId = await queueOutbound(tx, {
      tipId: m.tip.id,
      informantId: m.informantId,
      provider: m.provider,
      body: statusText(ref, status),
      meta: { statusQuery: true },
    });
    // Which answer was given, not which ref was asked (another informant's ref stays out of this tip's trail).
    await audit(tx, {
      actorId: null,
      actorRole: null,
      action: "tip.status_query",
      targetType: "message",
      targetId: replyId,
      tipId: m.tip.id,
      detail: { ref: m.tip.ref, answer: status },
    });
    await publish(tx, {
      type: "message.created",
      tipId: m.tip.id,
      ref: m.tip.ref,
      messageId: replyId,
      direction: "OUTBOUND",
    });
  });
}

/** The status of `ref` for this informant; "unknown" for a ref that is not theirs, exactly as for one that does not exist. */
export async function coarseStatus(ref: string, informantId: string): Promise<CoarseStatus> {
  const tip = await db.tip.findFirst({
    where: { ref, informantId },
    select: {
      status: true,
      mergedInto: { select: { status: true } },
      _count: { select: { requests: { where: { releasedAt: { not: null } } } } },
    },
  });
  if (!tip) return "unknown";
  const status = tip.status === "MERGED" && tip.mergedInto ? tip.mergedInto.status : tip.status;
  if (status === "CLOSED" || status === "MERGED") return "closed";
  return tip._count.requests > 0 ? "acted" : "received";
}
