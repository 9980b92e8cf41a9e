import { describe, expect, it } from "vitest";
import { clip } from "./clip";

describe("clip", () => {
  it("never leaves half a surrogate pair", () => {
    expect(clip("ab🔥", 3)).toBe("ab");
    expect(clip("🔥🔥🔥", 4, "…")).toBe("🔥…");
    expect(clip("short", 10)).toBe("short");
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (let n = 1; n < 20; n++) expect(lone.test(clip("🔥".repeat(10), n, "…"))).toBe(false);
  });
});
