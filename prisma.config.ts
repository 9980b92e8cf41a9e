// Prisma CLI configuration (Prisma 7 keeps the datasource URL here, not in schema.prisma).
// The app itself never uses the CLI at run time: lib/db/migrate.ts applies migrations.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/mukhbir" },
});
