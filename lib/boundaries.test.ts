// The arrows point one way (ADR 0040): app/ and scripts/ may import lib/ and components/, never the
// reverse. A file under lib/ or components/ that imports from app/ or scripts/ (by alias or by a
// relative path, statically or with import()) fails here, naming the file and the line.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : filesUnder(rel);
    return SOURCE.test(e.name) ? [rel] : [];
  });
}

/** Every module specifier a file imports, with its line number. */
function specifiers(source: string): { spec: string; line: number }[] {
  const out: { spec: string; line: number }[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;
  for (const m of source.matchAll(re)) out.push({ spec: m[1], line: source.slice(0, m.index).split("\n").length });
  return out;
}

function crossing(file: string, spec: string): string | null {
  const target = spec.startsWith("@/")
    ? spec.slice(2)
    : spec.startsWith(".")
      ? path.relative(root, path.resolve(root, path.dirname(file), spec))
      : null;
  if (target === null) return null;
  const top = target.split(path.sep)[0].split("/")[0];
  return top === "app" || top === "scripts" ? top : null;
}

describe("import boundaries", () => {
  it("no file under lib/ or components/ imports from app/ or scripts/", () => {
    const found: string[] = [];
    for (const file of [...filesUnder("lib"), ...filesUnder("components")]) {
      for (const { spec, line } of specifiers(fs.readFileSync(path.join(root, file), "utf8"))) {
        const into = crossing(file, spec);
        if (into) found.push(`${file}:${line} imports ${spec}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("sees a crossing when there is one", () => {
    expect(crossing("lib/demo/seed-tips.ts", "../../scripts/sim-traffic")).toBe("scripts");
    expect(crossing("components/tip/note-form.tsx", "@/app/(desk)/tips/[ref]/actions")).toBe("app");
    expect(crossing("lib/demo/seed-tips.ts", "../simulate/traffic")).toBeNull();
    expect(specifiers('const { POST } = await import("../../app/api/webhooks/whatsapp/route");')).toEqual([
      { spec: "../../app/api/webhooks/whatsapp/route", line: 1 },
    ]);
  });
});
