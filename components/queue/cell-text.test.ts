import { describe, expect, it } from "vitest";
import { argumentTemplate, cachedText } from "./cell-text";

describe("cell text", () => {
  it("looks each message up once", () => {
    const calls: string[] = [];
    const label = cachedText((key: string) => (calls.push(key), `<${key}>`));
    expect([label("a"), label("b"), label("a")]).toEqual(["<a>", "<b>", "<a>"]);
    expect(calls).toEqual(["a", "b"]);
    const counts: number[] = [];
    const media = cachedText((n: number) => (counts.push(n), `${n} files`));
    expect([media(2), media(2), media(1)]).toEqual(["2 files", "2 files", "1 files"]);
    expect(counts).toEqual([2, 1]);
  });

  it("fills a one-argument message wherever the translation puts the argument", () => {
    expect(argumentTemplate((ref) => `Select ${ref}`)("EM-2026-0000001")).toBe("Select EM-2026-0000001");
    expect(argumentTemplate((ref) => `${ref} चुनें`)("EM-2026-0000001")).toBe("EM-2026-0000001 चुनें");
    expect(argumentTemplate((ref) => `${ref} / ${ref}`)("X")).toBe("X / X");
  });
});
