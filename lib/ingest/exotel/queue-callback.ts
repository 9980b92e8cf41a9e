// An Exotel callback is not stored as it comes: Exotel signs nothing, so anyone with the path token
// could name any caller (and be threaded into that informant's tip) or any recording URL. The
// webhook commits a durable `exotel.verify` job instead, without the claimed caller or recording,
// and answers 200 at once; the job asks Exotel's Call Details API what the call really is
// (verify-call.ts, docs/decisions/0211-exotel-calls-confirmed-with-exotel.md).
import "server-only";
import { db } from "../../db";
import { enqueue } from "../../jobs/queue";
import { kick } from "../../jobs/worker";
import type { CallEvent } from "../types";

/** What the job needs: everything but the caller and the recording URL, which Exotel itself supplies. */
export type PendingCallback = Omit<CallEvent, "sender" | "recording" | "at"> & {
  at: string;
  /** The callback named a recording (not which). */ claimsRecording?: boolean;
};

/** Enough tries to ride out an Exotel outage of about a day (backoff doubles to an hour). */
export const VERIFY_ATTEMPTS = 30;

export async function queueExotelCallback(ev: CallEvent): Promise<void> {
  const { sender: _claimedCaller, recording: _claimedRecording, ...rest } = ev;
  const pending: PendingCallback = { ...rest, at: ev.at.toISOString(), claimsRecording: !!ev.recording };
  // A redelivered callback has the same event key: the job is queued once.
  await db.$transaction((tx) =>
    enqueue(tx, "exotel.verify", JSON.parse(JSON.stringify(pending)), {
      dedupeKey: `exotel.verify:${ev.externalId}`,
      maxAttempts: VERIFY_ATTEMPTS,
    }),
  );
  kick();
}
