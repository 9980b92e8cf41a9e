#!/usr/bin/env node
// `npm run db:diff -- <name>`: writes the SQL that brings prisma/migrations up to
// prisma/schema.prisma into a new migration folder, offline (Prisma's WASM schema engine on an
// in-memory PGlite shadow database). Without a name it only prints the SQL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = process.argv[2];
const r = spawnSync(
  process.execPath,
  [
    "scripts/prisma.mjs",
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema",
    "prisma/schema.prisma",
    "--script",
  ],
  {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "" },
  },
);
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  process.exit(r.status ?? 1);
}
const sql = r.stdout.replace(/^Loaded Prisma config.*\n/m, "").trim();
if (!sql || /^-- This is an empty migration/.test(sql)) {
  console.log("schema.prisma and the migrations agree: nothing to write.");
  process.exit(0);
}
if (!name) {
  console.log(sql);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name.replace(/[^a-z0-9_]/gi, "_")}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
console.log(`Wrote ${dir}/migration.sql`);
