// A cluster: Debian's nginx (deploy/nginx/mukhbir-proxy.conf) in front of two `next start`
// instances sharing one PostgreSQL and one S3-compatible bucket (s3rver, a real S3 server from the
// npm registry, as in lib/media/s3-media.int.test.ts). Signed webhooks of every provider go through
// nginx while live queues stay open through it; one instance is killed (-9) mid-burst and started
// again. Afterwards: every 2xx stored once, every open queue told about every tip (by resuming from
// its last event id, as a browser does), every photo fetched into the bucket (read off the S3
// server's own disk, not through our client) and served by either instance, every job done once.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startS3Server } from "../s3-server";
import { burst, Ledger, pool, redeliverUnacknowledged } from "./burst";
import { corpus, metaPost, PHONE_NUMBER_ID } from "./deliveries";
import { checkInvariants, openCallJobs, openDatabase, storedCounts } from "./database";
import { compare, type Outcome } from "./outcome";
import { freePort, startServer, type Server } from "./servers";
import { signInCookie } from "./sign-in";
import { openLiveStream, renderedCursor, type LiveStream } from "./sse-client";
import { appEnv, freshReliabilityDatabase, logFaults, startFakes, waitFor } from "./stack";
import { startNginx } from "./nginx";
import { envelope, inbound } from "../../ingest/testing/meta-fixtures";

const BUCKET = "cluster-evidence";

export type ClusterOptions = { valid: number; streams: number; photos: number; seed?: number };

export async function runCluster(o: ClusterOptions): Promise<Outcome> {
  const fake = await startFakes();
  const databaseUrl = await freshReliabilityDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const s3 = await startS3Server(BUCKET);
  // Both instances: the load balancer's public URL (Twilio signs it), one trusted proxy hop, one
  // bucket; the data folder (shared) then holds only the instance secrets, no media.
  const env = appEnv(fake, { PUBLIC_BASE_URL: url, TRUSTED_PROXY_HOPS: "1", JOB_STALE_SECONDS: "10", ...s3.env });
  const dataDir = `.data-cluster-${port}`;
  fs.rmSync(dataDir, { recursive: true, force: true });
  const servers: Server[] = [];
  const streams: LiveStream[] = [];
  const stopAll = async () => {
    for (const s of streams) s.close();
    await Promise.all(servers.map((s) => s.stop()));
  };
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  try {
    servers.push(await startServer({ databaseUrl, dataDir, fresh: true, env, logName: "cluster-a.log" }));
    servers.push(await startServer({ databaseUrl, dataDir, env, logName: "cluster-b.log" }));
    nginx = await startNginx({ port, upstreams: servers.map((s) => s.port) });
    const instanceOf = new Map(servers.map((s, i) => [s.port, i]));

    // Desk officers' live queues, opened through nginx (round robin: half on each instance).
    const cookies = await Promise.all([
      signInCookie(url, "officer", "mukhbir-officer"),
      signInCookie(url, "officer2", "mukhbir-officer2"),
    ]);
    const page = await fetch(`${url}/queue`, { headers: { cookie: cookies[0] } });
    const cursor = renderedCursor(await page.text());
    if (!cursor) throw new Error(`no live cursor in the queue page (HTTP ${page.status})`);
    for (let i = 0; i < o.streams; i++)
      streams.push(
        openLiveStream(`${url}/api/live?cursor=${encodeURIComponent(cursor)}`, cookies[i % 2], { reconnect: true }),
      );
    await waitFor("the live streams to open", async () => streams.every((s) => s.ready), 30_000);

    const seed = o.seed ?? Date.now() % 1e9;
    const deliveries = corpus({ valid: o.valid, seed, registerExotelCall: fake.addExotelCall });
    // Photos (fetched by a media job on whichever instance claims it) from senders of their own.
    const run = crypto.randomBytes(3).toString("hex");
    const photos = Array.from({ length: o.photos }, (_, i) =>
      metaPost(
        JSON.stringify(
          envelope(
            [
              inbound({ wa_id: `9196${String(seed % 1e4).padStart(4, "0")}${String(i).padStart(4, "0")}` }, [
                { type: "image", image: { id: `photo-cluster-${run}-${i}`, mime_type: "image/jpeg" } },
              ]),
            ],
            PHONE_NUMBER_ID,
          ),
        ),
      ),
    );
    const photoAnswers: number[] = [];
    const sendPhotos = pool(photos, 2, async (r) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const res = await fetch(url + r.path, { method: r.method, headers: r.headers, body: r.body }).catch(() => null);
        photoAnswers.push(res?.status ?? 0);
        if (res?.status === 200) return;
        await new Promise((w) => setTimeout(w, 500));
      }
    });

    // Kill instance A (-9) a third of the way through, start it again on its port.
    const ledger = new Ledger();
    const killAt = Math.floor(deliveries.length / 3);
    let restartMs = 0;
    let restarted: Promise<void> | undefined;
    await burst({
      base: () => url,
      deliveries,
      ledger,
      concurrency: 16,
      onProgress: (done) => {
        if (done !== killAt) return;
        restarted = (async () => {
          await servers[0].kill();
          const t0 = performance.now();
          servers[0] = await startServer({
            port: servers[0].port,
            databaseUrl,
            dataDir,
            env,
            logName: "cluster-a.log",
          });
          restartMs = Math.round(performance.now() - t0);
        })();
      },
    });
    await restarted;
    await sendPhotos;
    const redelivered = await redeliverUnacknowledged({ base: url, deliveries, ledger, concurrency: 16 });

    const db = await openDatabase({ databaseUrl });
    try {
      const violations: string[] = [];
      const callsDone = await waitFor(
        "Exotel verify jobs",
        async () => (await openCallJobs(db.query)) === 0,
        90_000,
        500,
      ).then(
        () => true,
        () => false,
      );
      const photoRefs = photos.map((_, i) => `photo-cluster-${run}-${i}`);
      const fetched = await waitFor(
        "every photo fetched",
        async () => {
          const rows = await db.query<{
            providerRef: string;
            fetchState: string;
            id: string;
            ref: string;
            storageKey: string | null;
          }>(
            `SELECT a."providerRef", a."fetchState", a."id", a."storageKey", t."ref" FROM "Attachment" a JOIN "Message" m ON m."id" = a."messageId" JOIN "Tip" t ON t."id" = m."tipId" WHERE a."providerRef" = ANY($1)`,
            [photoRefs],
          );
          return rows.length === photoRefs.length &&
            rows.every((r) => r.fetchState !== "PENDING" && r.fetchState !== "FETCHING")
            ? rows
            : null;
        },
        90_000,
        500,
      ).catch(
        () => [] as { providerRef: string; fetchState: string; id: string; ref: string; storageKey: string | null }[],
      );
      const stored = await storedCounts(db.query);
      const out = compare(deliveries, ledger, stored, { callsDone });
      violations.push(...out.violations, ...(await checkInvariants(db.query)));
      if (!callsDone) violations.push("Exotel verify jobs did not finish");

      // Every job done exactly once: one job row per call and per photo, each DONE.
      const jobs = await db.query<{ kind: string; n: number; done: number; attempts: number }>(
        `SELECT "kind", count(*)::int AS n, count(*) FILTER (WHERE "state" = 'DONE')::int AS done, sum("attempts")::int AS attempts FROM "Job" WHERE "kind" IN ('exotel.verify', 'media.fetch') GROUP BY 1`,
      );
      for (const j of jobs) if (j.done !== j.n) violations.push(`${j.n - j.done} ${j.kind} jobs not done`);
      const [{ dup }] = await db.query<{ dup: number }>(
        `SELECT count(*)::int AS dup FROM (SELECT "dedupeKey" FROM "Job" WHERE "dedupeKey" IS NOT NULL GROUP BY 1 HAVING count(*) > 1) x`,
      );
      if (dup) violations.push(`${dup} jobs enqueued twice`);

      // Photos: all stored, and each served by both instances (one shared store).
      if (fetched.length !== photoRefs.length)
        violations.push(`${photoRefs.length - fetched.length} photos not fetched`);
      const notStored = fetched.filter((r) => r.fetchState !== "STORED");
      if (notStored.length)
        violations.push(
          `${notStored.length} photos ended ${[...new Set(notStored.map((r) => r.fetchState))].join("/")}`,
        );
      // In the bucket: s3rver keeps each object as a file under <bucket>/<key>; nothing under the data folder.
      const inBucket = fetched.filter((r) => r.storageKey && fs.existsSync(s3.objectFile(r.storageKey))).length;
      if (inBucket !== fetched.length - notStored.length)
        violations.push(`${fetched.length - notStored.length - inBucket} stored photos are not in the bucket`);
      if (fs.existsSync(path.join(dataDir, "media")))
        violations.push(`media written to ${dataDir}/media, not the bucket`);
      let served = 0;
      for (const r of fetched.filter((x) => x.fetchState === "STORED"))
        for (const s of servers) {
          const res = await fetch(`${s.url}/api/tips/${r.ref}/media/${r.id}`, { headers: { cookie: cookies[0] } });
          const body = Buffer.from(await res.arrayBuffer());
          if (res.status === 200 && body.length > 0) served++;
          else violations.push(`photo ${r.id} answered ${res.status} on instance ${instanceOf.get(s.port)}`);
        }

      // Every open queue told about every tip.
      const expected = (await db.query<{ id: string }>(`SELECT "id" FROM "Tip"`)).map((r) => r.id);
      const complete = (s: LiveStream) => expected.every((id) => s.created.has(id));
      await waitFor("every stream to receive every tip", async () => streams.every(complete), 60_000).catch(
        () => undefined,
      );
      const delivered = streams.reduce((n, s) => n + expected.filter((id) => s.created.has(id)).length, 0);
      const want = streams.length * expected.length;
      const incomplete = streams.filter((s) => !complete(s));
      if (incomplete.length) violations.push(`${incomplete.length} of ${streams.length} live queues missed tips`);

      for (const s of servers) violations.push(...(await logFaults(s.log)).map((l) => `server log: ${l}`));
      return {
        violations,
        figures: {
          instances: servers.length,
          seed,
          "kill -9 of instance A at delivery": killAt,
          "restart to healthy (ms)": restartMs,
          ...out.figures,
          "redelivered until acknowledged": redelivered,
          "photos sent / stored / in the bucket / served by both instances": `${photos.length} / ${fetched.filter((r) => r.fetchState === "STORED").length} / ${inBucket} / ${served / servers.length}`,
          "photo webhook answers": photoAnswers.filter((s) => s !== 200).length
            ? `${photoAnswers.length} (${photoAnswers.filter((s) => s !== 200).length} not 200)`
            : photoAnswers.length,
          "jobs (kind: rows / done / attempts)": jobs
            .map((j) => `${j.kind}: ${j.n} / ${j.done} / ${j.attempts}`)
            .join("; "),
          "live queues": streams.length,
          "live queues that lost their instance and resumed": streams.filter((s) => s.reconnects > 0).length,
          "tip events expected": want,
          "tip events delivered": delivered,
          "events delivered ratio": want ? (delivered / want).toFixed(4) : "n/a",
          "invariant violations": violations.filter((v) => !v.startsWith("server log")).length,
        },
      };
    } finally {
      await db.close();
    }
  } finally {
    await stopAll();
    await nginx?.stop();
    await fake.close();
    await s3.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
