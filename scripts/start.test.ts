// Demo mode only on purpose (ADR 0013): `npm start` refuses the demo under NODE_ENV=production or with
// a public PUBLIC_BASE_URL, with a message saying why, before it builds or binds anything.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..");
function start(env: { NODE_ENV?: string; DEMO_MODE?: string; PUBLIC_BASE_URL?: string }) {
  // Nothing of the test runner's own mode leaks in: only what each case sets.
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    DEMO_MODE: "",
    DATABASE_URL: "",
    NODE_ENV: "",
    PUBLIC_BASE_URL: "",
    ...env,
    NEXT_DIST_DIR: ".next-never-built",
  };
  const r = spawnSync(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: childEnv as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe("npm start in demo mode", () => {
  it("refuses NODE_ENV=production, also when demo mode is implied by a missing DATABASE_URL", () => {
    for (const env of [{ NODE_ENV: "production", DEMO_MODE: "true" }, { NODE_ENV: "production" }]) {
      const r = start(env);
      expect(r.code).toBe(1);
      expect(r.out).toContain("refusing to start in demo mode: NODE_ENV is production");
      expect(r.out).not.toContain("Building");
    }
  });

  it("refuses a PUBLIC_BASE_URL that is not this machine", () => {
    const r = start({ DEMO_MODE: "true", PUBLIC_BASE_URL: "https://mukhbir.example.in" });
    expect(r.code).toBe(1);
    expect(r.out).toContain("is not an address of this machine");
  });
});
