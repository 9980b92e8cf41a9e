import { describe, it, expect } from "vitest";
import { replyMode } from "./reply-window";

const now = new Date("2026-11-29T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const wa = (h: number | null, blocked = false) => ({
  channel: "WHATSAPP",
  lastInboundAt: h === null ? null : hoursAgo(h),
  blocked,
});

describe("replyMode", () => {
  it("allows free text within 24 hours of the informant's last message", () => {
    expect(replyMode(wa(23.9), { status: "NEW" }, { template: "", now })).toEqual({
      mode: "free",
      closesAt: new Date(hoursAgo(23.9).getTime() + 86_400_000),
    });
  });
  it("falls back to the approved template after 24 hours", () => {
    expect(replyMode(wa(24), { status: "NEW" }, { template: "tip_followup", now })).toEqual({
      mode: "template",
      template: "tip_followup",
    });
  });
  it("is disabled with the reason when there is no template", () => {
    expect(replyMode(wa(30), { status: "NEW" }, { template: "", now })).toEqual({
      mode: "disabled",
      reason: "windowClosed",
    });
    expect(replyMode(wa(null), { status: "NEW" }, { template: "", now })).toEqual({
      mode: "disabled",
      reason: "windowClosed",
    });
  });
  it("is disabled for callers, blocked informants and merged tips", () => {
    expect(replyMode({ ...wa(1), channel: "VOICE" }, { status: "NEW" }, { template: "t", now })).toMatchObject({
      reason: "voiceOnly",
    });
    expect(replyMode(wa(1, true), { status: "NEW" }, { template: "t", now })).toMatchObject({ reason: "blocked" });
    expect(replyMode(wa(1), { status: "MERGED" }, { template: "t", now })).toMatchObject({ reason: "merged" });
  });
});
