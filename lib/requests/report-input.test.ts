import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { parseReport } from "./report-input";
import { smsNotice, whatsappNotice } from "./notify-payload";

const code = (f: () => unknown) => {
  try {
    f();
    return "ok";
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe("action report input", () => {
  it("takes an FIR number as number/year and a count of arrests", () => {
    expect(parseReport({ kind: "FIR_REGISTERED", firNumber: " 0457/2026 ", arrests: "2" })).toMatchObject({
      kind: "FIR_REGISTERED",
      firNumber: "0457/2026",
      arrests: 2,
    });
  });
  it("refuses a malformed or missing FIR number with its own code", () => {
    for (const fir of ["", "FIR 12", "457-2026", "0457/26", "12345678/2026"])
      expect(code(() => parseReport({ kind: "FIR_REGISTERED", firNumber: fir }))).toBe("firNumberInvalid");
  });
  it("needs a count for arrests and a what for a recovery; refuses unknown kinds", () => {
    expect(code(() => parseReport({ kind: "ARREST" }))).toBe("invalid");
    expect(code(() => parseReport({ kind: "ARREST", arrests: "-1" }))).toBe("invalid");
    expect(code(() => parseReport({ kind: "RECOVERY", seizedQty: "40 l" }))).toBe("invalid");
    expect(code(() => parseReport({ kind: "ACKNOWLEDGED" }))).toBe("invalid");
    expect(parseReport({ kind: "RECOVERY", seizedWhat: "Country liquor", seizedQty: "40 litres" })).toMatchObject({
      seizedWhat: "Country liquor",
      seizedQty: "40 litres",
      arrests: null,
    });
  });
});

describe("station notice payloads", () => {
  const n = { ref: "EM-2026-000123", priority: "URGENT", station: "Kareli", link: "https://x.in/station/requests/1" };
  it("carries exactly the ref, priority, station and link", () => {
    const body = whatsappNotice("919876543210", n, { name: "station_action_request", lang: "hi" });
    expect(body.template.components[0].parameters.map((p) => p.text)).toEqual([n.ref, n.priority, n.station, n.link]);
    expect(body).toMatchObject({
      to: "919876543210",
      type: "template",
      template: { name: "station_action_request", language: { code: "hi" } },
    });
    expect(smsNotice(n)).toBe(
      "Mukhbir: new action request EM-2026-000123 (URGENT) for Kareli. Open: https://x.in/station/requests/1",
    );
    expect(smsNotice(n, true)).toContain("OVERDUE");
  });
});
