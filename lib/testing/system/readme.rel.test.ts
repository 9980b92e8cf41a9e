// Every command the README shows, run as written against a fresh demo (issue 17, ADR 0800):
// `npm start` (demo mode: nothing configured), `npm run simulate -- --url … --rate 5 --duration 60`
// (no secret flags: it reads the demo's generated settings), then, with the server stopped (one
// process per PGlite folder), `npm run audit:checkpoint`, `npm run audit:verify`,
// `npm run user:create -- …`, `db:migrate`, `retention:run`, `identity:rotate`, `backup` and
// `restore` (into a fresh folder, then verified). The commands are taken from README.md itself, so a README edit that
// breaks one fails here. Two substitutions keep it fast and free of clashes: the port (3000 → a
// free one) and the simulator's duration (60 s → 4 s). `npm install` is what CI has just done.
// METRICS_TOKEN is the one setting added: the test watches /api/metrics (ADR 0801) to see the
// webhook counters match what the simulator sent and to know when the media jobs are done.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { freePort } from "./servers";
import { waitFor } from "./stack";
import { openEngine } from "../../db/engine";
import { demoFakeOrigin, readDemoSecrets } from "../../demo-secrets";
import { startFakeProviders } from "../../simulate/fake-providers";
import { parseExposition } from "../../metrics/parse";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const section = (title: string) => {
  const start = readme.indexOf(`## ${title}`);
  expect(start, `README section "${title}"`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf("\n## ", start + 3);
  return readme.slice(start, end < 0 ? undefined : end);
};
/** `npm run …` commands written in a section, inline or in a code block. */
const npmCommands = (text: string) =>
  [...text.matchAll(/npm (?:start|run [\w:]+(?: -- [^`\n]*)?)/g)].map((m) => m[0].trim());

// Only what a newcomer has: no database URL, no demo flag, no secrets, no NODE_ENV.
const CLEAN = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) =>
      !/^(DATABASE_URL|MIGRATION_DATABASE_URL|DEMO_MODE|DEMO_TIPS|NODE_ENV|PUBLIC_BASE_URL|DATA_DIR|PORT|AUTH_SECRET|IDENTITY_|AUDIT_KEY|WHATSAPP_|TWILIO_|EXOTEL_|FETCH_ALLOWED_HOSTS|HEALTH_TOKEN|METRICS_TOKEN|WORKER_ENABLED|LOG_LEVEL|STORAGE|S3_)/.test(
        k,
      ),
  ),
) as Record<string, string>;

const METRICS_TOKEN = `readme-${process.pid}-metrics-token-0123456789`;
/** GET /api/metrics on a fresh connection (a kept-alive one may be closed by the server between scrapes). */
function scrape(port: number): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    http
      .get(
        {
          host: "127.0.0.1",
          port,
          path: "/api/metrics",
          agent: false,
          headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        },
        (res) => {
          let body = "";
          res
            .setEncoding("utf8")
            .on("data", (c: string) => (body += c))
            .on("end", () =>
              res.statusCode === 200
                ? resolve(parseExposition(body))
                : reject(new Error(`/api/metrics answered ${res.statusCode}`)),
            );
        },
      )
      .on("error", reject);
  });
}
const sum = (m: Map<string, number>, match: (key: string) => boolean) =>
  [...m].filter(([k]) => match(k)).reduce((n, [, v]) => n + v, 0);
const webhooksOk = (m: Map<string, number>) =>
  sum(m, (k) => k.startsWith("mukhbir_webhook_requests_total{") && k.includes('outcome="ok"'));
const webhooksNotOk = (m: Map<string, number>) =>
  sum(m, (k) => k.startsWith("mukhbir_webhook_requests_total{") && !k.includes('outcome="ok"'));
const providerJobsLeft = (m: Map<string, number>) =>
  sum(m, (k) =>
    /^mukhbir_jobs\{kind="(media\.fetch|exotel\.verify|outbound\.send)",state="(PENDING|RUNNING)"\}/.test(k),
  );

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-readme-"));
let server: ChildProcess | null = null;
const stopServer = async () => {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server!.once("exit", r));
  process.kill(-server.pid!, "SIGTERM");
  await exited;
};
afterAll(async () => {
  await stopServer().catch(() => process.kill(-server!.pid!, "SIGKILL"));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function npm(command: string, port: number, extraEnv: Record<string, string> = {}) {
  const r = spawnSync("sh", ["-c", command], {
    cwd: root,
    env: { ...CLEAN, DATA_DIR: dataDir, ...extraEnv } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, port };
}

describe("the README's commands on a fresh demo", () => {
  it("npm start; npm run simulate as written (every delivery 2xx, counted by /api/metrics, tips stored, every media fetched); then the audit, user, migration, retention, rotation, backup and restore commands", async () => {
    const run = npmCommands(section("Run it"));
    expect(run).toContain("npm start");
    const simulate = run.find((c) => c.startsWith("npm run simulate"));
    expect(simulate, "the README's simulate command").toMatch(/--url http:\/\/localhost:3000 .*--duration 60/);

    const port = await freePort();
    const log = path.join(dataDir, "server.log");
    const out = fs.openSync(log, "a");
    // `npm start` as written; DATA_DIR and PORT only keep it off the developer's ./.data and :3000.
    server = spawn("npm", ["start"], {
      cwd: root,
      detached: true,
      stdio: ["ignore", out, out],
      env: {
        ...CLEAN,
        DATA_DIR: dataDir,
        PORT: String(port),
        MUKHBIR_REUSE_BUILD: "1",
        METRICS_TOKEN,
      } as unknown as NodeJS.ProcessEnv,
    });
    fs.closeSync(out);
    await waitFor(
      "the demo to answer /api/health",
      async () => {
        if (server!.exitCode !== null)
          throw new Error(`npm start exited ${server!.exitCode}:\n${fs.readFileSync(log, "utf8").slice(-3000)}`);
        return fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
      },
      240_000,
      300,
    );
    expect(fs.readFileSync(log, "utf8")).toContain("MUKHBIR DEMO MODE");
    const secrets = readDemoSecrets(dataDir)!;
    for (const k of [
      "WHATSAPP_APP_SECRET",
      "WHATSAPP_VERIFY_TOKEN",
      "WHATSAPP_PHONE_NUMBER_IDS",
      "TWILIO_AUTH_TOKEN",
      "EXOTEL_WEBHOOK_TOKEN",
    ] as const)
      expect(secrets[k], k).toBeTruthy();

    // WhatsApp's subscription handshake with the generated verify token answers the challenge.
    const challenge = await fetch(
      `http://127.0.0.1:${port}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${secrets.WHATSAPP_VERIFY_TOKEN}&hub.challenge=4242`,
    );
    expect(await challenge.text()).toBe("4242");

    const before = await scrape(port);
    const simStart = new Date();
    const command = simulate!.replace("localhost:3000", `localhost:${port}`).replace("--duration 60", "--duration 4");
    const sim = npm(command, port);
    expect(sim.out).not.toContain("need --app-secret");
    expect(sim.code, sim.out).toBe(0);
    expect(sim.out).toContain("using the demo's generated provider settings");
    // Every line of the per-label summary: only 2xx answers (a forged or misconfigured provider would be 401/403/404).
    const codes = [...sim.out.matchAll(/^\s{2}\S.*?\s((?:\d{3}|ERR)×\d+(?:\s+(?:\d{3}|ERR)×\d+)*)$/gm)].flatMap((m) =>
      m[1].split(/\s+/).map((c) => c.split("×")[0]),
    );
    expect(codes.length).toBeGreaterThan(0);
    expect(
      codes.filter((c) => !/^2\d\d$/.test(c)),
      sim.out,
    ).toEqual([]);
    expect(sim.out).toContain("meta.");

    // /api/metrics counted exactly the deliveries the simulator reports, all of them ok.
    const sent = [...sim.out.matchAll(/\b(2\d\d)×(\d+)/g)].reduce((n, m) => n + Number(m[2]), 0);
    const after = await scrape(port);
    expect(webhooksOk(after) - webhooksOk(before)).toBe(sent);
    expect(webhooksNotOk(after) - webhooksNotOk(before)).toBe(0);
    // The demo fetches every photo, voice note and recording from the demo's fakes (and confirms Exotel
    // calls there). The simulator closes its fakes when it ends: a job still queued then is retried
    // (30 s backoff) against fakes this test keeps on the demo's port, as a longer simulation would.
    const fakes = await startFakeProviders({
      port: Number(new URL(demoFakeOrigin(secrets)!).port),
      metaToken: secrets.WHATSAPP_ACCESS_TOKEN,
      twilioSid: secrets.TWILIO_ACCOUNT_SID,
      twilioToken: secrets.TWILIO_AUTH_TOKEN,
      exotelKey: secrets.EXOTEL_API_KEY,
      exotelToken: secrets.EXOTEL_API_TOKEN,
    });
    try {
      await waitFor(
        "the provider jobs to finish",
        async () => providerJobsLeft(await scrape(port)) === 0,
        150_000,
        500,
      );
    } finally {
      await fakes.close();
    }

    await stopServer();

    // With the server stopped (one process per PGlite folder): the audit and user commands as written.
    const commands = npmCommands(readme);
    for (const c of ["npm run audit:checkpoint", "npm run audit:verify"]) {
      expect(commands).toContain(c);
      const r = npm(c, 0);
      expect(r.code, `${c}\n${r.out}`).toBe(0);
    }
    const create = commands.find((c) => c.startsWith("npm run user:create"))!;
    expect(create).toContain("--username NAME");
    const r = npm(create.replace("--username NAME", "--username readme-officer"), 0, {
      MUKHBIR_PASSWORD: "readme-officer-pass-2026",
    });
    expect(r.code, r.out).toBe(0);

    // Backups, key rotation, retention, migrations: each as the README writes it (optional parts in
    // brackets filled in), on the demo's folder.
    const backupDir = path.join(dataDir, "readme-backup");
    const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), "mukhbir-readme-restored-"));
    try {
      const literal = (text: string) => expect(readme, text).toContain(text);
      for (const [written, run, extraEnv] of [
        ["`npm run db:migrate`", "npm run db:migrate", {}],
        ["`npm run retention:run [-- --dry-run]`", "npm run retention:run -- --dry-run", {}],
        ["`npm run identity:rotate`", "npm run identity:rotate", {}],
        ["`-- --status`", "npm run identity:rotate -- --status", {}],
        ["`npm run backup [-- --out DIR]`", `npm run backup -- --out ${backupDir}`, {}],
      ] as const) {
        literal(written);
        const out = npm(run, 0, extraEnv);
        expect(out.code, `${run}\n${out.out}`).toBe(0);
      }
      // Restored into a fresh folder, which gets the demo's keys as the README says (for the demo they live in demo-secrets.json).
      literal("`npm run restore -- --from DIR`");
      fs.copyFileSync(path.join(dataDir, "demo-secrets.json"), path.join(restoredDir, "demo-secrets.json"));
      const restored = spawnSync("sh", ["-c", `npm run restore -- --from ${backupDir} && npm run audit:verify`], {
        cwd: root,
        env: { ...CLEAN, DATA_DIR: restoredDir } as unknown as NodeJS.ProcessEnv,
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(restored.status, `${restored.stdout}${restored.stderr}`).toBe(0);
      expect(restored.stdout).toContain("audit chain intact");
    } finally {
      fs.rmSync(restoredDir, { recursive: true, force: true });
    }

    // Last (this process then holds the folder's lock until it exits): tips arrived, and no media fetch was refused by the fetch policy or the fakes.
    const engine = openEngine({ dataDir });
    try {
      const events = await engine.raw.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "WebhookEvent" WHERE status = 'PROCESSED' AND "receivedAt" >= $1`,
        [simStart],
      );
      expect(events[0].n).toBeGreaterThan(0);
      const tips = await engine.raw.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Tip" WHERE "createdAt" >= $1`,
        [simStart],
      );
      expect(tips[0].n).toBeGreaterThan(0);
      const media = await engine.raw.query<{ state: string; n: number }>(
        `SELECT "fetchState"::text AS state, count(*)::int AS n FROM "Attachment" WHERE "createdAt" >= $1 GROUP BY 1`,
        [simStart],
      );
      expect(
        media.filter((m) => m.state !== "STORED"),
        JSON.stringify(media),
      ).toEqual([]);
    } finally {
      await engine.raw.close();
    }
  });
});
