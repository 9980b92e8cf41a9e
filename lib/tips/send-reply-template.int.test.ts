// Outside WhatsApp's 24-hour window with an approved template configured: the reply is queued to
// go out inside the template (the sending job builds the template call; see lib/providers/whatsapp.ts).
import { describe, it, expect } from "vitest";
import { db } from "@/lib/db";
import { makeInformant, makeTip, makeUser } from "@/lib/testing/factories";
import { sendReply } from "./send-reply";
import { getTipWorkspace } from "./get-tip-workspace";

// Read by lib/env.ts on first use in this file's module graph (after imports, before any test).
process.env.WHATSAPP_REPLY_TEMPLATE = "tip_followup";
process.env.WHATSAPP_REPLY_TEMPLATE_LANG = "hi";

describe("reply outside the window with a template", () => {
  it("queues the reply marked with the template and offers template mode on the page", async () => {
    const u = await makeUser();
    const me = { id: u.id, role: u.role, stationId: null, districtWide: true, ip: null };
    const informant = await makeInformant({ lastInboundAt: new Date(Date.now() - 30 * 3600_000) });
    const tip = await makeTip({ informantId: informant.id });
    expect((await getTipWorkspace(me, tip.ref))!.reply).toEqual({ mode: "template", template: "tip_followup" });
    const { messageId } = await sendReply(me, tip.ref, { text: "Kya aap aur jaankari de sakte hain?" });
    const m = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(m.meta).toEqual({ template: "tip_followup", lang: "hi" });
    expect(m.body).toBe("Kya aap aur jaankari de sakte hain?");
    expect(await db.job.count({ where: { kind: "outbound.send", dedupeKey: messageId } })).toBe(1);
  });
});
