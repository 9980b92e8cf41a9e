// Station notifications (ADR 0602): one row per duty contact and stage, and one `station.notify`
// job per row, enqueued in the transaction that released the request (so a rolled-back approval
// notifies nobody, and a committed one always does). The job sends a WhatsApp template or an SMS
// through the configured provider, records the provider's id or the failure on the row, and is
// retried with the job table's backoff; a final failure is shown on the tip page and audited. The
// first successful send moves a released request from APPROVED to SENT.
import "server-only";
import { db, type Tx } from "../db";
import { env } from "../env";
import { enqueue } from "../jobs/queue";
import { PermanentJobError } from "../jobs/worker";
import { auditNow } from "../audit";
import { publish } from "../live/bus";
import { callProvider, ProviderError, retryable } from "../providers/http";
import { smsNotice, whatsappNotice, type StationNotice } from "./notify-payload";
import { recordStep } from "./record-step";

export const NOTIFY_JOB = "station.notify";

/** Queues one notification per active contact of `role` (duty officers for a new request). Returns how many. */
export async function enqueueNotifications(
  tx: Tx,
  requestId: string,
  stationId: string,
  stage: string,
  role: "DUTY" | "SENIOR" = "DUTY",
) {
  const contacts = await tx.dutyContact.findMany({ where: { stationId, active: true, role }, select: { id: true } });
  for (const c of contacts) {
    const n = await tx.stationNotification.upsert({
      where: { requestId_contactId_stage: { requestId, contactId: c.id, stage } },
      update: {},
      create: { requestId, contactId: c.id, stage },
      select: { id: true },
    });
    await enqueue(tx, NOTIFY_JOB, { notificationId: n.id }, { dedupeKey: `notify:${n.id}`, maxAttempts: 5 });
  }
  return contacts.length;
}

/**
 * Pages the SP Crime's desk (every active SP_CRIME contact, ADR 0609) about an escalated request or
 * an unclaimed urgent tip: one row per contact and stage, so a replayed stage pages nobody twice.
 */
export async function enqueueDeskPages(tx: Tx, about: { requestId: string } | { tipId: string }, stage: string) {
  const contacts = await tx.dutyContact.findMany({ where: { role: "SP_CRIME", active: true }, select: { id: true } });
  for (const c of contacts) {
    const n =
      "requestId" in about
        ? await tx.stationNotification.upsert({
            where: { requestId_contactId_stage: { requestId: about.requestId, contactId: c.id, stage } },
            update: {},
            create: { requestId: about.requestId, contactId: c.id, stage },
            select: { id: true },
          })
        : await tx.stationNotification.upsert({
            where: { tipId_contactId_stage: { tipId: about.tipId, contactId: c.id, stage } },
            update: {},
            create: { tipId: about.tipId, contactId: c.id, stage },
            select: { id: true },
          });
    await enqueue(tx, NOTIFY_JOB, { notificationId: n.id }, { dedupeKey: `notify:${n.id}`, maxAttempts: 5 });
  }
  return contacts.length;
}

export async function sendNotification(notificationId: string, job?: { attempts: number; maxAttempts: number }) {
  const n = await db.stationNotification.findUnique({
    where: { id: notificationId },
    select: {
      id: true,
      state: true,
      stage: true,
      contact: { select: { phone: true, channel: true } },
      request: {
        select: {
          id: true,
          state: true,
          priority: true,
          releasedAt: true,
          station: { select: { name: true } },
          tip: { select: { id: true, ref: true } },
        },
      },
      tip: { select: { id: true, ref: true, priority: true } },
    },
  });
  if (!n || n.state !== "PENDING") return; // sent or given up: never twice
  const e = env();
  const base = e.PUBLIC_BASE_URL.replace(/\/+$/, "");
  // A page about an unclaimed tip (ADR 0609) has no request: the desk's own link, "Desk" as the station.
  const tip = n.request?.tip ?? n.tip;
  if (!tip) return;
  const notice: StationNotice = n.request
    ? {
        ref: tip.ref,
        priority: n.request.priority,
        station: n.request.station.name,
        link: `${base}/station/requests/${n.request.id}`,
      }
    : { ref: tip.ref, priority: n.tip!.priority, station: "Desk", link: `${base}/tips/${tip.ref}` };
  try {
    const overdue = n.stage !== "new";
    const providerId =
      n.contact.channel === "WHATSAPP"
        ? await sendWhatsAppNotice(n.contact.phone, notice, overdue)
        : await sendSmsNotice(n.contact.phone, notice, overdue);
    await db.$transaction(async (tx) => {
      const done = await tx.stationNotification.updateMany({
        where: { id: n.id, state: "PENDING" },
        data: { state: "SENT", providerId, error: null, attempts: { increment: 1 } },
      });
      if (!done.count) return;
      if (!n.request) return await publish(tx, { type: "tip.updated", tipId: tip.id, ref: tip.ref });
      const moved = await tx.actionRequest.updateMany({
        where: { id: n.request.id, state: "APPROVED" },
        data: { state: "SENT", sentAt: new Date() },
      });
      if (moved.count)
        await recordStep(tx, {
          actor: null,
          tip: n.request.tip,
          requestId: n.request.id,
          step: "sent",
          from: "APPROVED",
          to: "SENT",
        });
      else await publish(tx, { type: "tip.updated", tipId: n.request.tip.id, ref: n.request.tip.ref });
    });
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    const permanent = err instanceof ProviderError && err.permanent;
    const final = permanent || (job ? job.attempts >= job.maxAttempts : false);
    await db.$transaction(async (tx) => {
      await tx.stationNotification.updateMany({
        where: { id: n.id, state: "PENDING" },
        data: { error: reason, attempts: { increment: 1 }, ...(final ? { state: "FAILED" } : {}) },
      });
      await publish(tx, { type: "tip.updated", tipId: tip.id, ref: tip.ref });
    });
    if (final)
      await auditNow({
        actorId: null,
        actorRole: null,
        action: "request.notify_failed",
        targetType: n.request ? "request" : "tip",
        targetId: n.request?.id ?? tip.id,
        tipId: tip.id,
        detail: { ref: tip.ref, notification: n.id, reason },
      });
    throw permanent ? new PermanentJobError(reason) : err;
  }
}

async function sendWhatsAppNotice(phone: string, notice: StationNotice, overdue: boolean): Promise<string> {
  const e = env();
  const phoneNumberId = e.WHATSAPP_PHONE_NUMBER_IDS[0];
  const template = overdue ? e.STATION_ESCALATION_TEMPLATE : e.STATION_NOTIFY_TEMPLATE;
  if (!phoneNumberId || !e.WHATSAPP_ACCESS_TOKEN || !template)
    throw new ProviderError(
      "WhatsApp station notices are not configured (WHATSAPP_PHONE_NUMBER_IDS, WHATSAPP_ACCESS_TOKEN, STATION_NOTIFY_TEMPLATE, STATION_ESCALATION_TEMPLATE)",
      true,
    );
  const { status, body } = await callProvider(
    `${e.WHATSAPP_API_BASE.replace(/\/+$/, "")}/${encodeURIComponent(phoneNumberId)}/messages`,
    {
      headers: { authorization: `Bearer ${e.WHATSAPP_ACCESS_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(whatsappNotice(phone, notice, { name: template, lang: e.STATION_NOTIFY_TEMPLATE_LANG })),
    },
  );
  const id = (body as { messages?: { id?: unknown }[] } | null)?.messages?.[0]?.id;
  if (status >= 200 && status < 300 && typeof id === "string") return id;
  throw new ProviderError(`WhatsApp HTTP ${status}`, status < 300 ? false : !retryable(status));
}

async function sendSmsNotice(phone: string, notice: StationNotice, overdue: boolean): Promise<string> {
  const e = env();
  if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN || !e.TWILIO_SMS_FROM)
    throw new ProviderError(
      "SMS to stations is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_SMS_FROM)",
      true,
    );
  const url = `${e.TWILIO_API_BASE.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(e.TWILIO_ACCOUNT_SID)}/Messages.json`;
  const { status, body } = await callProvider(url, {
    headers: {
      authorization: "Basic " + Buffer.from(`${e.TWILIO_ACCOUNT_SID}:${e.TWILIO_AUTH_TOKEN}`).toString("base64"),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      To: `+${phone}`,
      From: e.TWILIO_SMS_FROM,
      Body: smsNotice(notice, overdue),
    }).toString(),
  });
  const sid = (body as { sid?: unknown } | null)?.sid;
  if (status >= 200 && status < 300 && typeof sid === "string") return sid;
  throw new ProviderError(`Twilio HTTP ${status}`, status < 300 ? false : !retryable(status));
}
