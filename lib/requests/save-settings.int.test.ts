// Admin → Request rules (ADR 0608) at the server: a valid form is saved, audited with the values it
// replaced, and used by the next brief (its default due time and whether it goes first); bad input
// gets its own error code and changes nothing. Restores the rules it changed (one database per file).
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { AppError } from "../errors";
import { actorOf, makeStation, makeTip, makeUser } from "../testing/factories";
import { DEFAULT_REQUEST_SETTINGS, REQUEST_SETTING_KEY, requestSettings } from "./settings";
import { parseRequestSettings, saveRequestSettings, type RequestSettingsForm } from "./save-settings";
import { draftRequest } from "./draft-request";

const code = (fn: () => unknown) => {
  try {
    fn();
    return "ok";
  } catch (e) {
    return e instanceof AppError ? `${e.code}:${e.detail?.field}` : String(e);
  }
};
const form = (over: RequestSettingsForm = {}): RequestSettingsForm => ({
  "due.URGENT": "1.5",
  "due.HIGH": "6",
  "due.NORMAL": "24",
  "due.LOW": "72",
  "first.URGENT": "on",
  "first.HIGH": "on",
  escalateAfterMinutes: "30",
  unclaimedAlertMinutes: "2",
  unclaimedPageMinutes: "0",
  ...over,
});

afterEach(async () => {
  await db.setting.deleteMany({ where: { key: REQUEST_SETTING_KEY } });
});

describe("per-priority request rules", () => {
  it("parses a form; every bad field has its own code", () => {
    expect(parseRequestSettings(form())).toEqual({
      dueHours: { URGENT: 1.5, HIGH: 6, NORMAL: 24, LOW: 72 },
      sendFirst: ["URGENT", "HIGH"],
      escalateAfterMinutes: 30,
      unclaimedAlertMinutes: 2,
      unclaimedPageMinutes: 0,
    });
    expect(code(() => parseRequestSettings(form({ "due.HIGH": "0" })))).toBe("dueHoursInvalid:due.HIGH");
    expect(code(() => parseRequestSettings(form({ "due.LOW": "721" })))).toBe("dueHoursInvalid:due.LOW");
    expect(code(() => parseRequestSettings(form({ "due.NORMAL": "" })))).toBe("dueHoursInvalid:due.NORMAL");
    expect(code(() => parseRequestSettings(form({ "due.URGENT": "two" })))).toBe("dueHoursInvalid:due.URGENT");
    expect(code(() => parseRequestSettings(form({ "due.URGENT": "-1" })))).toBe("dueHoursInvalid:due.URGENT");
    expect(code(() => parseRequestSettings(form({ escalateAfterMinutes: "2.5" })))).toBe(
      "escalateMinutesInvalid:escalateAfterMinutes",
    );
    expect(code(() => parseRequestSettings(form({ escalateAfterMinutes: "0" })))).toBe(
      "escalateMinutesInvalid:escalateAfterMinutes",
    );
    expect(code(() => parseRequestSettings(form({ unclaimedAlertMinutes: "-1" })))).toBe(
      "unclaimedMinutesInvalid:unclaimedAlertMinutes",
    );
    expect(code(() => parseRequestSettings(form({ unclaimedPageMinutes: "1441" })))).toBe(
      "unclaimedMinutesInvalid:unclaimedPageMinutes",
    );
    expect(code(() => parseRequestSettings(form({ unclaimedPageMinutes: undefined })))).toBe(
      "unclaimedMinutesInvalid:unclaimedPageMinutes",
    );
  });

  it("saves, audits the values before and after, and the next brief follows the new rules", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const desk = actorOf({ ...(await makeUser()), districtWide: true });
    const station = await makeStation();
    // Before: HIGH waits for approval (the default sends only URGENT first).
    const before = await draftRequest(desk, (await makeTip({ priority: "HIGH" })).ref, {
      stationId: station.id,
      what: "Gambling den",
      instructions: "Check",
    });
    expect(before.released).toBe(false);

    const saved = await saveRequestSettings(admin, form());
    expect(await requestSettings()).toEqual(saved);
    const audit = await db.auditLog.findMany({
      where: { action: "settings.requests", actorId: admin.id },
      select: { targetId: true, detail: true },
    });
    expect(audit).toEqual([{ targetId: REQUEST_SETTING_KEY, detail: { from: DEFAULT_REQUEST_SETTINGS, to: saved } }]);

    const now = Date.now();
    const tip = await makeTip({ priority: "HIGH" });
    const input = { stationId: station.id, what: "Gambling den", instructions: "Check" };
    const after = await draftRequest(desk, tip.ref, input, now);
    expect(after.released).toBe(true);
    const req = await db.actionRequest.findUniqueOrThrow({ where: { id: after.id } });
    expect(req.dueAt.getTime()).toBe(now + 6 * 3600_000);
  });

  it("bad input changes nothing and writes no audit row", async () => {
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    await saveRequestSettings(admin, form());
    const kept = await requestSettings();
    await expect(saveRequestSettings(admin, form({ "due.NORMAL": "1000", "first.LOW": "on" }))).rejects.toMatchObject({
      code: "dueHoursInvalid",
    });
    expect(await requestSettings()).toEqual(kept);
    expect(await db.auditLog.count({ where: { action: "settings.requests", actorId: admin.id } })).toBe(1);
  });
});
