import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { loadMessages, messagesDir } from "./messages";

function keys(obj: unknown, prefix = ""): string[] {
  if (!obj || typeof obj !== "object") return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogs", () => {
  it("have the same namespaces and keys in English and Hindi", () => {
    const en = loadMessages("en");
    const hi = loadMessages("hi");
    expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
    expect(keys(hi).sort()).toEqual(keys(en).sort());
  });

  it("have no empty strings, and Hindi is really Hindi", () => {
    const hi = loadMessages("hi");
    const values = keys(hi).map((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], hi));
    expect(values.every((v) => typeof v === "string" && v.length > 0)).toBe(true);
    const devanagari = values.filter((v) => /[\u0900-\u097F]/.test(String(v))).length;
    expect(devanagari / values.length).toBeGreaterThan(0.7);
  });

  it("are valid JSON files named for their namespace", () => {
    for (const locale of ["en", "hi"]) {
      for (const f of fs.readdirSync(path.join(messagesDir(), locale))) expect(f).toMatch(/^[a-zA-Z]+\.json$/);
    }
  });
});
