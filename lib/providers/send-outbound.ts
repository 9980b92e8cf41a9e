// The `outbound.send` job: the one path by which any outbound message (acknowledgements, officer
// replies) leaves. It decrypts the informant's address only here, in memory, sends through the
// provider the informant last wrote through, and records the provider's id (wamid / SM…) or the
// failure on the message. Idempotent: a message that already has a provider id is never sent again.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { publish } from "../live/bus";
import { decrypt, hashProviderId } from "../identity/crypto";
import { parseAddress } from "../identity/address";
import { PermanentJobError } from "../jobs/worker";
import type { Provider } from "../generated/prisma/enums";
import { ProviderError } from "./http";
import { sendWhatsApp } from "./whatsapp";
import { sendTwilio } from "./twilio";
import { inServiceWindow, replyMode } from "./window";

export async function sendOutbound(messageId: string, job?: { attempts: number; maxAttempts: number }) {
  const m = await db.message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      direction: true,
      body: true,
      meta: true,
      provider: true,
      providerMessageId: true,
      deliveryStatus: true,
      tipId: true,
      tip: { select: { ref: true } },
      informant: { select: { id: true, addressCipher: true, keyId: true, lastInboundAt: true } },
    },
  });
  if (!m || m.direction !== "OUTBOUND") return;
  if (!m.providerMessageId.startsWith("local:") || m.deliveryStatus === "FAILED") return; // sent or given up: never twice

  try {
    // The channel the informant last wrote on: a call (phone or WhatsApp) is no channel to write back on.
    const latest = await db.message.findFirst({
      where: { informantId: m.informant.id, direction: "INBOUND", kind: { not: "CALL" } },
      orderBy: { sentAt: "desc" },
      select: { provider: true, meta: true },
    });
    const provider: Provider = latest?.provider ?? m.provider;
    const to = informantAddress(m.informant);
    let providerId: string;
    if (provider === "META") {
      const e = env();
      // A fixed message (the desk's "action taken", ADR 0607) names its own approved template and
      // parameters; any other reply goes out as the reply template's one parameter.
      const template = fixedTemplate(m.meta) ?? {
        name: e.WHATSAPP_REPLY_TEMPLATE,
        lang: e.WHATSAPP_REPLY_TEMPLATE_LANG,
      };
      const mode = replyMode(m.informant.lastInboundAt, new Date(), template.name);
      if (mode === "closed")
        throw new ProviderError(
          "outside WhatsApp's 24-hour window and no approved template is configured (WHATSAPP_REPLY_TEMPLATE)",
          true,
        );
      const wrote = (latest?.meta as { phoneNumberId?: unknown } | null)?.phoneNumberId;
      const phoneNumberId =
        typeof wrote === "string" && e.WHATSAPP_PHONE_NUMBER_IDS.includes(wrote) ? wrote : undefined;
      providerId = await sendWhatsApp({
        to,
        body: m.body,
        template: mode === "template" ? template : undefined,
        phoneNumberId,
      });
    } else if (provider === "TWILIO") {
      if (!inServiceWindow(m.informant.lastInboundAt))
        throw new ProviderError("outside WhatsApp's 24-hour window (Twilio needs an approved content template)", true);
      providerId = await sendTwilio(to, m.body);
    } else {
      throw new ProviderError("Exotel calls have no messaging channel to reply through", true);
    }
    await db.$transaction(async (tx) => {
      // The guard on the local id makes a racing second run a no-op instead of a second record.
      const done = await tx.message.updateMany({
        where: { id: m.id, providerMessageId: m.providerMessageId },
        // WhatsApp's id for our reply holds the informant's number: kept only as its keyed hash, which is what statuses are matched by.
        data: {
          provider,
          providerMessageId: provider === "META" ? hashProviderId(providerId) : providerId,
          deliveryStatus: "SENT",
          deliveryError: null,
        },
      });
      if (done.count) await publish(tx, { type: "message.updated", tipId: m.tipId, ref: m.tip.ref, messageId: m.id });
    });
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    // Anything but a provider's answer (a database hiccup) is worth another try.
    const permanent = e instanceof ProviderError && e.permanent;
    const final = permanent || (job ? job.attempts >= job.maxAttempts : false);
    await db.$transaction(async (tx) => {
      await tx.message.updateMany({
        where: { id: m.id, providerMessageId: m.providerMessageId },
        data: final ? { deliveryStatus: "FAILED", deliveryError: reason } : { deliveryError: reason },
      });
      if (final) await publish(tx, { type: "message.updated", tipId: m.tipId, ref: m.tip.ref, messageId: m.id });
    });
    throw permanent ? new PermanentJobError(reason) : e;
  }
}

const fixedTemplateMeta = z.object({
  ifTemplate: z.object({ name: z.string().min(1), lang: z.string().min(1), params: z.array(z.string()) }),
});

/** The template a fixed message goes out as outside the window (`meta.ifTemplate`), if it names one. */
function fixedTemplate(meta: unknown) {
  const r = fixedTemplateMeta.safeParse(meta);
  return r.success ? r.data.ifTemplate : null;
}

function informantAddress(i: { addressCipher: string | null; keyId: string }) {
  // Retention destroyed it after a period without activity (ADR 0212): nothing left to send to.
  if (!i.addressCipher)
    throw new ProviderError(
      "the informant's address was deleted under the retention policy; replies are no longer possible",
      true,
    );
  try {
    return parseAddress(decrypt(i.addressCipher, i.keyId));
  } catch {
    // Never echo the error: it could carry a fragment of the plaintext.
    throw new ProviderError("the informant's address cannot be decrypted (key missing or data altered)", true);
  }
}
