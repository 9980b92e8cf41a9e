// The job kinds this app runs, registered once per process before the worker starts (and by tests
// that call `drain()`). Payloads are checked here: a malformed one can never succeed, so it fails
// for good instead of being retried.
import "server-only";
import { z } from "zod";
import { registerHandler, PermanentJobError } from "./worker";
import { fetchAttachment } from "../media/fetch-attachment";
import { sendOutbound } from "../providers/send-outbound";
import { verifyExotelCallback } from "../ingest/exotel/verify-call";
import type { PendingCallback } from "../ingest/exotel/queue-callback";
import { registerRecurringHandlers } from "./recurring-handlers";
import { NOTIFY_JOB, sendNotification } from "../requests/notify";
import { STATUS_JOB, answerStatusQuery } from "../requests/status-query";
import { jobKind, runBackfillJob } from "./backfill";
import { searchBackfill } from "../search/backfill";
import { entitiesBackfill } from "../entities/backfill";
import { matchWatches } from "../watch/match";

const mediaFetch = z.object({ attachmentId: z.uuid() });
const outboundSend = z.object({ messageId: z.uuid() });
const stationNotify = z.object({ notificationId: z.uuid() });
const statusQuery = z.object({ messageId: z.uuid() });
const watchMatch = z.object({ messageId: z.uuid() });
const exotelVerify = z.looseObject({
  type: z.literal("call"),
  provider: z.literal("EXOTEL"),
  externalId: z.string(),
  callId: z.string(),
  at: z.string(),
});

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const r = schema.safeParse(payload);
  if (!r.success) throw new PermanentJobError("malformed job payload");
  return r.data;
}

let registered = false;
export function registerHandlers() {
  if (registered) return;
  registered = true;
  registerHandler("media.fetch", (payload, job) => fetchAttachment(parse(mediaFetch, payload).attachmentId, job));
  registerHandler("outbound.send", (payload, job) => sendOutbound(parse(outboundSend, payload).messageId, job));
  registerHandler("exotel.verify", (payload, job) =>
    verifyExotelCallback(parse(exotelVerify, payload) as PendingCallback, job),
  );
  registerHandler(NOTIFY_JOB, (payload, job) => sendNotification(parse(stationNotify, payload).notificationId, job));
  registerHandler(STATUS_JOB, (payload) => answerStatusQuery(parse(statusQuery, payload).messageId));
  // The cross-script search index for messages stored before it existed (ADR 0700, 0715).
  registerHandler(jobKind(searchBackfill), () => runBackfillJob(searchBackfill));
  // Entities of messages stored before a rule or a gazetteer place found them (ADR 0715).
  registerHandler(jobKind(entitiesBackfill), () => runBackfillJob(entitiesBackfill));
  // A message that may hit a watch item (ADR 0702).
  registerHandler("watch.match", async (payload) => void (await matchWatches(parse(watchMatch, payload).messageId)));
  registerRecurringHandlers();
}
