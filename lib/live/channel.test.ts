import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { CHANNEL } from "./bus";

describe("live channel", () => {
  it("is the one emit_live notifies: the SQL and TypeScript sides name the same channel", () => {
    const sql = fs.readFileSync(path.resolve(process.cwd(), "prisma/functions/emit_live.sql"), "utf8");
    expect(sql).toContain(`pg_notify('${CHANNEL}', '')`);
    const files = fs.readdirSync(path.resolve(process.cwd(), "prisma/functions")).filter((f) => f !== "emit_live.sql");
    for (const f of files)
      expect(fs.readFileSync(path.resolve(process.cwd(), "prisma/functions", f), "utf8"), f).not.toContain(
        "pg_notify(",
      );
  });
});
