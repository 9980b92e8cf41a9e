import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

const origin = "https://mukhbir.example.in";

describe("redirect after sign-in", () => {
  it.each([
    "/\\evil.com",
    "/%5Cevil.com",
    "/%5cevil.com",
    "/%09/evil.com",
    "/\t/evil.com",
    "//evil.com",
    "///evil.com",
    "https://evil.com",
    "https://mukhbir.example.in.evil.com/queue",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "%2F%2Fevil.com",
    "https://mukhbir.example.in//evil.com",
    "data:text/html,hi",
    "/%E0%A4%A",
  ])("sends %j home", (target) => {
    expect(safeRedirect(target, origin)).toBe("/");
  });

  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeRedirect("/tips/EM-2026-000123?tab=media#m1", origin)).toBe("/tips/EM-2026-000123?tab=media#m1");
    expect(safeRedirect("https://mukhbir.example.in/queue?view=mine", origin)).toBe("/queue?view=mine");
    expect(safeRedirect("/dashboard/report", origin)).toBe("/dashboard/report");
    expect(safeRedirect(undefined, origin)).toBe("/");
  });
});
