// /api/metrics after traffic (issue 17, ADR 0801): signed and forged webhooks, refused sign-ins up
// to a lockout, a job that fails for good, a tip past its SLA — every counter and gauge moves by
// exactly what was sent (deltas: the process and the database hold other tests' traffic too).
// Through the real route handler, webhooks and sign-in, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { reloadEnv } from "../env";
import { db } from "../db";
import { metricsRoute } from "./route";
import { parseExposition, seriesKey } from "./parse";
import { metaWebhook } from "../ingest/webhook-routes";
import { envelope, inbound, sign, TYPES } from "../ingest/testing/meta-fixtures";
import { authenticate, SignInError } from "../auth/sign-in";
import { makeTip, makeUser } from "../testing/factories";
import { enqueue } from "../jobs/queue";
import { drain, PermanentJobError, registerHandler } from "../jobs/worker";
import { liveStream } from "../live/sse";

const TOKEN = crypto.randomBytes(24).toString("hex");
const URL_ = "https://mukhbir.example.in/api/metrics";

beforeAll(() => {
  process.env.METRICS_TOKEN = TOKEN;
  reloadEnv();
});
afterAll(() => {
  delete process.env.METRICS_TOKEN;
  reloadEnv();
});

async function scrape() {
  const res = await metricsRoute(new Request(URL_, { headers: { authorization: `Bearer ${TOKEN}` } }));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return parseExposition(await res.text());
}
const at = (m: Map<string, number>, name: string, labels: Record<string, string> = {}) =>
  m.get(seriesKey(name, labels)) ?? 0;

let seq = 0;
const phone = () => `9197${String(process.pid % 1000).padStart(3, "0")}${String(++seq).padStart(5, "0")}`;
function postMeta(body: string, signature: string | null) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature) headers["x-hub-signature-256"] = signature;
  return metaWebhook.POST(
    new Request("https://mukhbir.example.in/api/webhooks/whatsapp", { method: "POST", body, headers }),
  );
}

describe("/api/metrics", () => {
  it("counts the live streams open in this process", async () => {
    const base = at(await scrape(), "mukhbir_live_streams_open");
    const aborts = [new AbortController(), new AbortController()];
    const readers = aborts.map((a) =>
      liveStream({ cursor: null, signal: a.signal, lease: async () => true, message: () => null }).getReader(),
    );
    // The first frame (`retry:`) is sent once the stream is registered.
    for (const r of readers) expect(new TextDecoder().decode((await r.read()).value)).toContain("retry:");
    expect(at(await scrape(), "mukhbir_live_streams_open")).toBe(base + 2);
    aborts[0].abort();
    expect(at(await scrape(), "mukhbir_live_streams_open")).toBe(base + 1);
    aborts[1].abort();
    expect(at(await scrape(), "mukhbir_live_streams_open")).toBe(base);
  });

  it("is off (404) without METRICS_TOKEN and refuses (401) a missing or wrong bearer, in constant time", async () => {
    delete process.env.METRICS_TOKEN;
    reloadEnv();
    try {
      expect((await metricsRoute(new Request(URL_, { headers: { authorization: `Bearer ${TOKEN}` } }))).status).toBe(
        404,
      );
    } finally {
      process.env.METRICS_TOKEN = TOKEN;
      reloadEnv();
    }
    expect((await metricsRoute(new Request(URL_))).status).toBe(401);
    expect(
      (await metricsRoute(new Request(URL_, { headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}x` } }))).status,
    ).toBe(401);
    expect(
      (await metricsRoute(new Request(URL_, { headers: { authorization: `Bearer ${TOKEN}${TOKEN}` } }))).status,
    ).toBe(401);
    expect((await metricsRoute(new Request(URL_, { headers: { authorization: `Basic ${TOKEN}` } }))).status).toBe(401);
  });

  it("counts what was sent: webhooks by outcome, ingest latency, sign-in failures and lockouts, job failures and depth, open and breaching tips", async () => {
    const before = await scrape();

    // 3 signed WhatsApp deliveries (each a new tip), 2 forged ones, 1 unparseable but signed.
    for (let i = 0; i < 3; i++) {
      const body = JSON.stringify(envelope([inbound({ wa_id: phone(), name: "Metrics Test" }, [TYPES.text])]));
      expect((await postMeta(body, sign(body))).status).toBe(200);
    }
    for (let i = 0; i < 2; i++) {
      const body = JSON.stringify(envelope([inbound({ wa_id: phone() }, [TYPES.text])]));
      expect((await postMeta(body, `sha256=${"0".repeat(64)}`)).status).toBe(401);
    }
    const bad = "{not json";
    const badRes = await postMeta(bad, sign(bad));
    expect(badRes.status).toBeGreaterThanOrEqual(400);
    expect(badRes.status).toBeLessThan(500);

    // 5 wrong passwords lock the pair (LOGIN_MAX_FAILURES=5); a 6th attempt is refused as locked.
    const user = await makeUser();
    const ip = `198.51.100.${crypto.randomInt(1, 254)}`;
    const codes: string[] = [];
    for (let i = 0; i < 6; i++)
      codes.push(
        await authenticate({ username: user.username, password: "wrong-guess-123" }, ip).then(
          () => "in",
          (e: unknown) => (e instanceof SignInError ? e.code : String(e)),
        ),
      );
    expect(codes.slice(0, 4)).toEqual(["wrong", "wrong", "wrong", "wrong"]);
    expect(codes[4]).toMatch(/^locked:/);
    expect(codes[5]).toMatch(/^locked:/);

    // One job that fails for good, one waiting (a kind no handler takes here).
    const failing = `metrics-test-fail-${crypto.randomUUID()}`;
    const waiting = `metrics-test-wait-${crypto.randomUUID()}`;
    registerHandler(failing, async () => {
      throw new PermanentJobError("refused by the test");
    });
    await db.$transaction(async (tx) => {
      await enqueue(tx, failing, {});
      await enqueue(tx, waiting, {}, { runAt: new Date(Date.now() + 3_600_000) });
    });
    await drain();

    // One open tip received three days ago: past every SLA target.
    await makeTip({ receivedAt: new Date(Date.now() - 3 * 86_400_000), priority: "NORMAL" });

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      at(after, name, labels) - at(before, name, labels);

    const meta = (outcome: string) => delta("mukhbir_webhook_requests_total", { provider: "meta", outcome });
    expect(meta("ok")).toBe(3);
    expect(meta("unauthorized")).toBe(2);
    expect(meta("invalid")).toBe(1);
    expect(meta("error")).toBe(0);
    expect(delta("mukhbir_webhook_ingest_seconds_count", { provider: "meta" })).toBe(6);
    expect(delta("mukhbir_webhook_ingest_seconds_bucket", { provider: "meta", le: "+Inf" })).toBe(6);
    expect(delta("mukhbir_webhook_ingest_seconds_sum", { provider: "meta" })).toBeGreaterThan(0);

    expect(delta("mukhbir_signin_failures_total", { reason: "password" })).toBe(5);
    expect(delta("mukhbir_signin_failures_total", { reason: "locked" })).toBe(1);
    expect(delta("mukhbir_signin_lockouts_total")).toBe(1);
    expect(delta("mukhbir_signin_locked")).toBe(1);

    expect(at(after, "mukhbir_job_failures_total", { kind: failing, final: "true" })).toBe(1);
    expect(at(after, "mukhbir_jobs", { kind: failing, state: "FAILED" })).toBe(1);
    expect(at(after, "mukhbir_jobs", { kind: waiting, state: "PENDING" })).toBe(1);

    // The three WhatsApp tips and the old one are open; the old one breaches (lib/sla, as the queue counts it).
    expect(delta("mukhbir_tips_open")).toBe(4);
    expect(delta("mukhbir_tips_breaching_sla")).toBe(1);

    expect(at(after, "mukhbir_process_resident_memory_bytes")).toBeGreaterThan(0);
  });
});
