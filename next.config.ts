import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import pkg from "./package.json" with { type: "json" };

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const config: NextConfig = {
  // Several builds may share one checkout (parallel test runs): each can pick its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Webhook URLs can carry caller numbers in their query (Exotel Passthru): never log them.
  logging: { incomingRequests: { ignore: [/\/api\/webhooks\//] } },
  // `npm test` type-checks; SKIP_TYPECHECK=1 lets a developer build while a colleague's files are mid-edit.
  typescript: { ignoreBuildErrors: process.env.SKIP_TYPECHECK === "1" },
  // Native or WASM packages that must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "sharp", "pg"],
  // Field photos ride in the station's report action (2 × 4 MB, lib/requests/field-photos.ts; ADR 0603).
  experimental: { serverActions: { bodySizeLimit: "9mb" } },
  env: { NEXT_PUBLIC_APP_VERSION: process.env.APP_VERSION || pkg.version },
  async headers() {
    // The CSP (with a per-request nonce) is set in proxy.ts; these apply to every response.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(config);
